/**
 * Custom LSP messages between the client and the server, defined once for both sides.
 * Plain method names and payload types only: no vscode or vscode-languageserver imports, so
 * other editors' users can read this as the protocol's documentation.
 */

/** Server → client: indexing progress and the count of findings, for the status bar. */
export const STATUS_NOTIFICATION = 'netpolLens/status';

export interface StatusParams {
  readonly state: 'indexing' | 'ready';
  /** Files indexed so far, and how many were found. */
  readonly indexed: number;
  readonly total: number;
  readonly errors: number;
  readonly warnings: number;
  /** Information and hints. */
  readonly others: number;
}

/**
 * Client → server (optional): the file the active editor shows, or null when it shows none.
 * After an edit or while many files open at once (a restored session), that file's diagnostics
 * are computed and sent first; without it, the most recently opened or changed file goes first.
 */
export const ACTIVE_DOCUMENT_NOTIFICATION = 'netpolLens/activeDocument';

export interface ActiveDocumentParams {
  readonly uri: string | null;
}

/** Commands the server executes (`workspace/executeCommand`). */
export const SERVER_COMMANDS = {
  /** Apply every safe fix in a document: arguments `[uri]`. */
  fixAll: 'netpolLens.server.fixAll',
  /** Add an egress rule to cluster DNS (UDP and TCP 53) to the policy at a position: arguments `[uri, Position]`; returns `AllowDnsEgressResult`. */
  allowDnsEgress: 'netpolLens.server.allowDnsEgress',
  /** Apply every `deprecated-api-version` fix in the workspace: no arguments; returns `MigrateResult`. */
  migrateDeprecatedApis: 'netpolLens.server.migrateDeprecatedApis',
} as const;

/** Client-side commands the server names in CodeLenses. */
export const CLIENT_COMMANDS = {
  /** Show locations (peek or quick pick): arguments `[uri, Position, Location[]]`. */
  showLocations: 'netpolLens.showLocations',
  /** "Compare connectivity with…": arguments `[ref]` (`HEAD`); the user picks when omitted. */
  compareConnectivity: 'netpolLens.compareConnectivity',
} as const;

/** A position and a location as LSP defines them (zero-based line, UTF-16 character). */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Location {
  readonly uri: string;
  readonly range: { readonly start: Position; readonly end: Position };
}

/** Result of `SERVER_COMMANDS.allowDnsEgress`: whether the edit was applied, and what was done or why not. */
export interface AllowDnsEgressResult {
  readonly applied: boolean;
  readonly message: string;
}

/** Result of `SERVER_COMMANDS.migrateDeprecatedApis`. */
export interface MigrateResult {
  /** Files changed and findings fixed. */
  readonly files: number;
  readonly fixes: number;
}

/** A workload as pickers and the matrix show it. */
export interface WorkloadItem {
  /** The engine's id, `ns/name[Kind]` (what the CLI's listing prints). */
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly kind: string;
  readonly location: Location | undefined;
}

/** `netpolLens/workloads`: every workload and namespace of the workspace (for pickers). */
export const WORKLOADS_REQUEST = 'netpolLens/workloads';

export interface WorkloadsParams {
  /** Any file of the workspace folder whose settings apply; the first folder's when omitted. */
  readonly uri?: string;
}

export interface WorkloadsResult {
  readonly workloads: readonly WorkloadItem[];
  readonly namespaces: readonly string[];
}

/** `netpolLens/connectivityMatrix`: who may open connections to whom, and on which ports. */
export const CONNECTIVITY_MATRIX_REQUEST = 'netpolLens/connectivityMatrix';

export interface ConnectivityMatrixParams {
  readonly uri?: string;
  /** Only workloads of these namespaces (rows and columns); all when omitted or empty. */
  readonly namespaces?: readonly string[];
}

export interface MatrixCell {
  /** Indexes into `workloads`: source (row) and destination (column). */
  readonly src: number;
  readonly dst: number;
  /** `all ports` or `TCP 80, 8080-8090 · UDP 53`, as the explanation and the hovers word ports. */
  readonly ports: string;
}

export interface ConnectivityMatrixResult {
  readonly workloads: readonly WorkloadItem[];
  /** Connected pairs only (a missing pair has no connection); a workload to itself is left out. */
  readonly cells: readonly MatrixCell[];
  /** Every namespace of the workspace, for the filter. */
  readonly namespaces: readonly string[];
  /** The CLI's `connectivity` listing of the same workloads, one line per connection. */
  readonly listing: readonly string[];
  /**
   * The same connections as a graph: SVG markup without colours of its own (classes `node`,
   * `edge allowed`, …; the page styles them), each edge with `data-src`/`data-dst` (listing
   * ends; `ns/*` stands for every workload of a namespace, listed in that node's `data-members`).
   */
  readonly graph: string;
}

/** One end of a connection: a workload by id, or an IP address (`10.0.0.1`, `2001:db8::1`). */
export type TrafficEndpoint = { readonly workload: string } | { readonly address: string };

/** `netpolLens/explainTraffic`: is a connection allowed, and why. */
export const EXPLAIN_TRAFFIC_REQUEST = 'netpolLens/explainTraffic';

export interface ExplainTrafficParams {
  readonly uri?: string;
  readonly source: TrafficEndpoint;
  readonly destination: TrafficEndpoint;
  /** `TCP`, `UDP` or `SCTP`, with `port`; every port when `port` is omitted. */
  readonly protocol?: string;
  readonly port?: number;
}

export interface ExplainStep {
  /** The source's egress or the destination's ingress. */
  readonly side: 'egress' | 'ingress';
  readonly text: string;
  /** The rule or policy the step is about. */
  readonly location: Location | undefined;
}

export interface ExplainTrafficResult {
  /** `invalid` when an endpoint is unknown or an address does not parse (see `summary`). */
  readonly verdict: 'allowed' | 'denied' | 'invalid';
  /** One line: `allowed on TCP 80` / `denied: …`. */
  readonly summary: string;
  /** What is allowed end to end (listing form), within the asked port. */
  readonly allowedPorts: string;
  /** The chain of reasons: the egress side, then the ingress side. */
  readonly steps: readonly ExplainStep[];
  /** The same as markdown, with links to the policies. */
  readonly markdown: string;
}

/** `netpolLens/defaultDenyPolicy`: the text of a default-deny NetworkPolicy for a namespace. */
export const DEFAULT_DENY_REQUEST = 'netpolLens/defaultDenyPolicy';

export interface DefaultDenyParams {
  readonly namespace: string;
  /** Directions to deny; both when omitted. */
  readonly directions?: readonly ('Ingress' | 'Egress')[];
}

export interface DefaultDenyResult {
  /** A suggested file name, `default-deny-<namespace>.yaml`. */
  readonly fileName: string;
  readonly text: string;
}

/**
 * `netpolLens/compareConnectivity`: what the workspace opens and closes against another version of
 * its files (a git revision the client read). The server runs no git: the client sends the base
 * text of every file that differs (`null`: the file does not exist at the base); every other
 * workspace file is at the base as it is on disk.
 */
export const COMPARE_CONNECTIVITY_REQUEST = 'netpolLens/compareConnectivity';

/**
 * A file as it is at a git revision: its text, `null` when it does not exist there, or `tooLarge`
 * (text not sent) when it is over `netpolLens.maxFileSizeKb` there and so skipped, as on disk.
 */
export interface BaseFileText {
  readonly uri: string;
  readonly text: string | null;
  readonly tooLarge?: boolean;
}

export interface CompareConnectivityParams {
  readonly uri?: string;
  /** How the base is named in the answer (`HEAD`, `main`, a commit). */
  readonly baseLabel: string;
  /** Every manifest whose text on disk differs at the base; any other file is at the base as it is on disk (unsaved edits are compared too). */
  readonly files: readonly BaseFileText[];
}

export interface CompareReason {
  /** `opens`: why the workspace allows it now; `closes`: why it no longer does; `was`: what allowed it at the base. */
  readonly effect: 'opens' | 'closes' | 'was';
  readonly text: string;
  /** Listing form of the ports concerned. */
  readonly ports: string;
  /** The rule or policy: in the workspace's files (`opens`, `closes`), or where it was at the base (`was`, line of the base text). */
  readonly location: Location | undefined;
}

export interface CompareChange {
  readonly type: 'changed' | 'added' | 'removed';
  /** `ns/name[Kind]` or `a.b.c.d-e.f.g.h[External]`. */
  readonly src: string;
  readonly dst: string;
  /** `all ports`, `TCP 80, 8080-8090 · UDP 53`, `no connection` (as the hovers word ports). */
  readonly before: string;
  readonly after: string;
  /** `workload x added`, or ''. */
  readonly workloadsInfo: string;
  /** The view (`kustomize build overlays/prod`) when the workspace is read as several, else ''. */
  readonly view: string;
  readonly reasons: readonly CompareReason[];
}

export interface CompareConnectivityResult {
  readonly baseLabel: string;
  /** Changes grouped by namespace (the destination workload's, or the source's toward an address). */
  readonly namespaces: readonly { readonly namespace: string; readonly changes: readonly CompareChange[] }[];
  /** Changes that open something, and that close something. */
  readonly opened: number;
  readonly closed: number;
  /** The changes as a graph, as `ConnectivityMatrixResult.graph` (edges `added`, `removed`, `changed`, and a legend). */
  readonly graph: string;
}

/**
 * Client → server, optional: the HEAD text of every manifest of one git repository whose text on
 * disk differs from HEAD (changed, staged, deleted; added and untracked ones as `null`), sent
 * again (debounced) whenever the repository's state changes; an empty list when nothing differs
 * or the repository closed. With it the server puts a "vs HEAD: opens 3 paths, closes 1" CodeLens
 * at the top of each changed manifest (`netpolLens.codeLens.compareWithHead`); an editor that
 * never sends it gets no such lens.
 */
export const HEAD_TEXTS_NOTIFICATION = 'netpolLens/headTexts';

export interface HeadTextsParams {
  /** The repository's root folder URI: each repository's list replaces its previous one. */
  readonly repository: string;
  readonly files: readonly BaseFileText[];
}
