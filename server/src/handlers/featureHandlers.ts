/**
 * Hover, CodeLens and the analysis commands register here (one place, so startServer stays a
 * composition root). Returns the capabilities they add. Handlers only translate: the answers
 * come from `server/src/features/` over the cached workspace analysis, with file offsets that
 * are converted to positions here.
 */
import { MarkupKind, RequestType, type CodeLens, type ExecuteCommandParams, type Hover, type ServerCapabilities, type TextEdit } from 'vscode-languageserver';
import {
  CLIENT_COMMANDS,
  COMPARE_CONNECTIVITY_REQUEST,
  CONNECTIVITY_MATRIX_REQUEST,
  DEFAULT_DENY_REQUEST,
  EXPLAIN_TRAFFIC_REQUEST,
  SERVER_COMMANDS,
  WORKLOADS_REQUEST,
  type AllowDnsEgressResult,
  type CompareConnectivityParams,
  type CompareConnectivityResult,
  type ConnectivityMatrixParams,
  type ConnectivityMatrixResult,
  type DefaultDenyParams,
  type DefaultDenyResult,
  type ExplainTrafficParams,
  type ExplainTrafficResult,
  type MigrateResult,
  type WorkloadsParams,
  type WorkloadsResult,
} from '../../../shared/src/protocol';
import { DEFAULT_SETTINGS, type NetpolLensSettings } from '../../../shared/src/settings';
import type { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { allowDnsEgressEdit } from '../features/allowDnsEgress';
import { codeLenses } from '../features/codeLenses';
import { compareConnectivity } from '../features/compareConnectivity';
import { baseFileModel, baseManifests, editorOnlyFiles } from '../features/diff/baseManifests';
import { connectivityMatrixData, workloadsData } from '../features/connectivityMatrixData';
import { defaultDenyPolicy } from '../features/defaultDenyPolicy';
import { explainTraffic } from '../features/explainTraffic';
import { hoverInViews } from '../features/hoverInViews';
import { toLocation } from '../features/locations';
import { migrateDeprecatedApis } from '../features/migrateDeprecatedApis';
import type { ServerContext } from '../startServer';
import { toRange, toTextEdits } from './conversions';
import { indexedOnly, type HeadLenses } from './headLenses';
import { runSafe } from './runner';

export function registerFeatureHandlers(ctx: ServerContext, headLenses: HeadLenses): Partial<ServerCapabilities> {
  const { connection, index, log } = ctx;
  const analysisFor = async (uri: string | undefined): Promise<WorkspaceAnalysis> =>
    ctx.findings.analysisFor(index.manifests, await ctx.settings(uri), uri);

  connection.onHover((params, token) =>
    runSafe<Hover | null>(log, 'hover', token, null, async () => {
      const file = index.get(params.textDocument.uri);
      if (!file) return null;
      const inViews = ctx.findings.fileInViews(index.manifests, await ctx.settings(file.uri), file);
      const found = hoverInViews(inViews, file.lineIndex.offsetAt(params.position), ctx.publisher.indexingProgress);
      if (!found) return null;
      return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: toRange(file.lineIndex, found.start, found.end) };
    }),
  );

  connection.onCodeLens((params, token) =>
    runSafe<CodeLens[]>(log, 'codeLens', token, [], async () => {
      const file = index.get(params.textDocument.uri);
      const settings = file && (await ctx.settings(file.uri));
      if (!file || !settings?.codeLensEnabled) return [];
      const [first] = ctx.findings.fileInViews(index.manifests, settings, file);
      if (!first) return [];
      const analysis = first.analysis;
      const lenses = codeLenses(analysis, first.file).map((lens): CodeLens => {
        const range = toRange(file.lineIndex, lens.start, lens.end);
        const locations = lens.targets.map((t) => toLocation(analysis.manifests, t)).filter((l) => l !== undefined);
        return { range, command: { title: lens.title, command: CLIENT_COMMANDS.showLocations, arguments: [file.uri, range.start, locations] } };
      });
      // The summary against HEAD first: the leftmost lens of the file's first line.
      return [...(await headLenses.lenses(file, settings, token)), ...lenses];
    }),
  );

  connection.onRequest(new RequestType<WorkloadsParams, WorkloadsResult, void>(WORKLOADS_REQUEST), (params, token) =>
    runSafe<WorkloadsResult>(log, WORKLOADS_REQUEST, token, { workloads: [], namespaces: [] }, async () => workloadsData(await analysisFor(params?.uri))),
  );

  connection.onRequest(new RequestType<ConnectivityMatrixParams, ConnectivityMatrixResult, void>(CONNECTIVITY_MATRIX_REQUEST), (params, token) =>
    runSafe<ConnectivityMatrixResult>(log, CONNECTIVITY_MATRIX_REQUEST, token, { workloads: [], cells: [], namespaces: [], listing: [], graph: '' }, async () =>
      connectivityMatrixData(await analysisFor(params?.uri), params?.namespaces ?? []),
    ),
  );

  connection.onRequest(new RequestType<ExplainTrafficParams, ExplainTrafficResult, void>(EXPLAIN_TRAFFIC_REQUEST), (params, token) =>
    runSafe<ExplainTrafficResult>(
      log,
      EXPLAIN_TRAFFIC_REQUEST,
      token,
      { verdict: 'invalid', summary: 'The server failed to explain this connection (see its log).', allowedPorts: '', steps: [], markdown: '' },
      async () => explainTraffic(await analysisFor(params.uri), params),
    ),
  );

  connection.onRequest(new RequestType<CompareConnectivityParams, CompareConnectivityResult, void>(COMPARE_CONNECTIVITY_REQUEST), (params, token) =>
    runSafe<CompareConnectivityResult>(log, COMPARE_CONNECTIVITY_REQUEST, token, { baseLabel: params.baseLabel, namespaces: [], opened: 0, closed: 0, graph: '' }, async () => {
      const files = await indexedOnly(ctx, params.files);
      const overrides = new Map(files.map((f) => [f.uri, baseFileModel(f, ctx.maxBytesFor(f.uri))]));
      const current = index.manifests;
      const base = baseManifests(index, editorOnlyFiles(current, index, overrides), overrides, 0);
      return compareConnectivity(ctx.editorDiff.diff(current, base, await ctx.settings(params.uri)), base, current, params.baseLabel);
    }),
  );

  connection.onRequest(new RequestType<DefaultDenyParams, DefaultDenyResult | null, void>(DEFAULT_DENY_REQUEST), (params, token) =>
    runSafe<DefaultDenyResult | null>(log, DEFAULT_DENY_REQUEST, token, null, () => defaultDenyPolicy(params.namespace, params.directions) ?? null),
  );

  return { hoverProvider: true, codeLensProvider: { resolveProvider: false } };
}

/**
 * Server commands of the features (`workspace/executeCommand`); startServer's handler passes on
 * every command it does not handle itself. Undefined: not ours.
 */
export async function executeFeatureCommand(ctx: ServerContext, params: ExecuteCommandParams): Promise<unknown> {
  const { connection, index } = ctx;
  switch (params.command) {
    case SERVER_COMMANDS.allowDnsEgress: {
      const args: unknown[] = params.arguments ?? [];
      const [uri, position] = args;
      const file = typeof uri === 'string' ? index.get(uri) : undefined;
      if (!file || !isPosition(position)) return { applied: false, message: 'No manifest at this position.' } satisfies AllowDnsEgressResult;
      const result = allowDnsEgressEdit(file, file.lineIndex.offsetAt(position), await ctx.settings(file.uri));
      if ('message' in result) return { applied: false, message: result.message } satisfies AllowDnsEgressResult;
      const edit = { changes: { [file.uri]: toTextEdits(file.lineIndex, [result.edit]) } };
      const applied = await connection.workspace.applyEdit({ label: 'Netpol Lens: allow DNS egress', edit });
      return { applied: applied.applied, message: result.summary } satisfies AllowDnsEgressResult;
    }
    case SERVER_COMMANDS.migrateDeprecatedApis: {
      const manifests = index.manifests;
      const settings = new Map<string, NetpolLensSettings>();
      for (const file of manifests.files()) settings.set(file.uri, await ctx.settings(file.uri));
      const migrations = migrateDeprecatedApis(manifests, (uri) => settings.get(uri) ?? DEFAULT_SETTINGS, ctx.findings);
      const changes: Record<string, TextEdit[]> = {};
      for (const m of migrations) {
        const file = manifests.getFile(m.uri);
        if (file) changes[m.uri] = toTextEdits(file.lineIndex, [m.edit]);
      }
      if (migrations.length > 0) await connection.workspace.applyEdit({ label: 'Netpol Lens: migrate deprecated APIs', edit: { changes } });
      const result: MigrateResult = { files: migrations.length, fixes: migrations.reduce((n, m) => n + m.fixes, 0) };
      return result;
    }
    default:
      return undefined;
  }
}

function isPosition(value: unknown): value is { line: number; character: number } {
  const v = value as { line?: unknown; character?: unknown } | undefined;
  return typeof v?.line === 'number' && typeof v.character === 'number';
}
