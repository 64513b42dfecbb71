/** `netpol-lens connectivity [paths…]`: who may connect to whom, in netpol-analyzer's listing format. */
import { normalizeSettings, type NetpolLensSettings } from '../../../shared/src/settings';
import { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { buildListing, entryLine, workloadMatchesName, type ListingEndpoint, type ListingEntry, type ListingOptions } from '../engine/connectivityListing';
import type { IpFamily } from '../engine/cidr';
import { decisionText, rulePath } from '../engine/decisionText';
import { explainPair, type Endpoint, type SideExplanation } from '../engine/explain';
import { listingNotes } from '../engine/listingNotes';
import { policyRejection } from '../features/policyRejection';
import type { Network } from '../engine/network';
import type { PortSet } from '../engine/portSet';
import type { ManifestSet } from '../model/manifestSet';
import type { ClusterView } from '../views/clusterViews';
import { FindingsService } from '../service/findingsService';
import { EXPLAIN_OPTION_SPECS, runExplain } from './explainCommand';
import { exposureMarkdown, exposureReport, exposureText, type ExposureReport } from './exposureOutput';
import { FOCUS_HELP, readFocusOptions, unknownFocusNames } from './focusOptions';
import { listingGraph } from '../features/graph/listingGraph';
import { graphSvg } from '../features/graph/graphSvg';
import { listingCsv, listingDot, listingMarkdown } from './listingFormats';
import { UsageError, type CliIo } from './io';
import { loadInputs } from './loadInputs';
import { parseArgs } from './parseArgs';
import { portsJson } from './portsJson';

export const CONNECTIVITY_HELP = `Usage: netpol-lens connectivity [options] [paths…]

Lists the allowed connections between the workloads of the manifests under the paths (default: .;
"-" reads a stream of manifests from standard input, e.g. helm template … | netpol-lens
connectivity -) and between them and external addresses, one line per pair:

  <src> => <dst> : <connections>

where a peer is ns/name[Kind] or an IPv4 range a.b.c.d-e.f.g.h[External], and the connections are
"All Connections" or per-protocol port lists such as "TCP 80,8080-8090,UDP 53". Pods owned by a
controller are listed as their owner; a workload's connections to itself are not listed.
A folder deployed in several ways (kustomize overlays, alternative bundles: see "netpol-lens
views") gets one listing per view, each under a "# <view>" line.

Options:
  --format txt|json|md|csv|dot|svg
                              output format (default txt); json adds IPv6 ranges and the rules
                              allowing each connection; md, csv and dot (Graphviz: workloads
                              grouped by namespace, edges labelled with the connections) as
                              netpol-analyzer writes them; svg: the same graph drawn (the
                              picture the editor shows; one drawing, a part per view)
  --exposure                  also list what each workload is open to beyond the workloads here:
                              the entire cluster, pods of namespaces chosen by labels, pods no
                              workload here is, addresses; and the workloads no policy protects
                              (txt, json, md)
  --explain                   for each pair, what is allowed and denied and which policy and rule
                              decides (as "netpol-lens explain")
  --explain-only allow|deny   with --explain: only pairs with something allowed, or nothing
${FOCUS_HELP}  --default-namespace NAME    namespace of objects without one (default "default")
With --focus-conn the listing is "Permitted connections on UDP 53:" and one "src => dst" line per
pair that allows it.
Exit codes: 0 listed, 2 usage error (unknown option, missing path, a focus name that matches no
workload).
`;

/** The listing for loaded manifests: what both the command and the conformance test print. */
export function listConnections(
  manifests: ManifestSet,
  settings: NetpolLensSettings,
  options: ListingOptions,
): { analysis: WorkspaceAnalysis; entries: ListingEntry[]; notes: string[] } {
  const analysis = new WorkspaceAnalysis(manifests, settings);
  const rejected = analysis.policies().flatMap((p) => {
    const r = policyRejection(analysis, p);
    return r ? [`NetworkPolicy ${p.policy.id} is rejected by the API server (${r.ruleId}), so never in force: this listing counts it as written`] : [];
  });
  return { analysis, entries: buildListing(analysis.network, analysis.connectivity(), options), notes: [...rejected, ...listingNotes(analysis.network)] };
}

export async function connectivityCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values, flags } = parseArgs(args, [
    { name: 'format', takesValue: true, choices: ['txt', 'json', 'md', 'csv', 'dot', 'svg'] },
    ...EXPLAIN_OPTION_SPECS,
    { name: 'explain', takesValue: false },
    { name: 'exposure', takesValue: false },
    { name: 'default-namespace', takesValue: true },
    { name: 'help', takesValue: false },
  ]);
  if (flags.has('help')) {
    await io.out(CONNECTIVITY_HELP);
    return 0;
  }
  const focus = readFocusOptions(values);
  const { focusWorkloads, focusDirection, focusPeers, focusConn } = focus;
  const ns = values.get('default-namespace')?.[0];
  const settings = normalizeSettings(ns === undefined ? {} : { defaultNamespace: ns });
  const explainOnly = values.get('explain-only')?.[0];
  const format = values.get('format')?.[0] ?? 'txt';
  if (flags.has('explain')) {
    if (format !== 'txt') throw new UsageError('--explain prints text only (as netpol-analyzer): leave out --format');
    if (flags.has('exposure')) throw new UsageError('--explain and --exposure go separately: run the command twice');
    return runExplain(positionals, io, settings, focus, explainOnly);
  }
  if (explainOnly !== undefined) throw new UsageError('--explain-only needs --explain');
  const exposure = flags.has('exposure');
  if (exposure && (format === 'csv' || format === 'dot' || format === 'svg')) throw new UsageError(`--exposure is printed as txt, json or md, not ${format}`);
  const { manifests, skipped } = await loadInputs(positionals, io, settings);
  for (const s of skipped) io.err(`netpol-lens: skipped ${s.path}: ${s.reason}\n`);
  const families: readonly IpFamily[] = format === 'json' ? ['ipv4', 'ipv6'] : ['ipv4'];
  const options: ListingOptions = { focusWorkloads, focusDirection, focusPeers, families };
  const views = new FindingsService().views(manifests, settings).views;
  // Several views (kustomize builds, alternative bundles): one listing each, never one across them.
  const listed = (views.length > 0 ? views : [undefined]).map((view) => {
    const { analysis, entries, notes } = listConnections(view?.manifests ?? manifests, settings, options);
    for (const n of notes) io.err(`netpol-lens: warning: ${view && views.length > 1 ? `${view.name}: ` : ''}${n}\n`);
    return { view, analysis, entries: focusConn ? onPort(entries, focusConn.ports) : entries };
  });
  const unknown = unknownFocusNames(
    listed.map((l) => l.analysis.network),
    focus,
  );
  if (unknown.length > 0) throw new UsageError(`no workload named ${unknown.map((n) => `"${n}"`).join(', ')} (focus names are name or namespace/name)`);
  const multi = listed.length > 1;
  const focusText = focusConn ? `${focusConn.protocol} ${focusConn.port}` : undefined;
  const shownIn = (net: Network) => (index: number): boolean => {
    const w = net.workloads[index];
    const names = [...focusWorkloads, ...(focusPeers.length > 0 ? focusPeers : [])];
    return w !== undefined && (focusWorkloads.length === 0 || names.some((n) => workloadMatchesName(w, n)));
  };
  const exposureOf = (net: Network): ExposureReport =>
    exposureReport(net, {
      shown: (i) => focusWorkloads.length === 0 || focusWorkloads.some((n) => (net.workloads[i] ? workloadMatchesName(net.workloads[i], n) : false)),
      directions: focusDirection ? [focusDirection] : ['egress', 'ingress'],
      families,
      focus: focusConn?.ports,
    });

  if (format === 'json') {
    if (multi) await io.out('{"views":[\n');
    for (const [i, l] of listed.entries()) {
      if (multi && l.view) await io.out(`{"view":${JSON.stringify({ id: l.view.id, kind: l.view.kind, name: l.view.name, partial: l.view.partial })},"listing":\n`);
      await writeJson(io, l.analysis.network, l.entries, exposure ? exposureOf(l.analysis.network) : undefined);
      if (multi) await io.out(i + 1 < listed.length ? '},\n' : '}\n');
    }
    if (multi) await io.out(']}\n');
    return 0;
  }
  if (format === 'csv') {
    const header = listingCsv([], { focusConn: focusText }, multi ? { header: 'view', value: '' } : undefined);
    await io.out(header);
    for (const l of listed) {
      const rows = listingCsv(l.entries, { focusConn: focusText }, multi && l.view ? { header: 'view', value: l.view.id } : undefined);
      await io.out(rows.slice(rows.indexOf('\n') + 1));
    }
    return 0;
  }
  if (format === 'svg') {
    const graphs = listed.map((l) =>
      listingGraph(l.analysis.network, l.entries, shownIn(l.analysis.network), { title: multi && l.view ? viewTitle(l.view) : '', focusConn: focusText }),
    );
    await io.out(graphSvg(graphs, { standalone: true }));
    return 0;
  }
  for (const [i, l] of listed.entries()) {
    const net = l.analysis.network;
    const title = l.view ? viewTitle(l.view) : undefined;
    if (format === 'dot') {
      await io.out(listingDot(net, l.entries, shownIn(net), { focusConn: focusText }, multi ? title : undefined));
      continue;
    }
    if (format === 'md') {
      if (multi) await io.out(`${i > 0 ? '\n' : ''}## ${title ?? ''}\n\n`);
      await io.out(listingMarkdown(l.entries, { focusConn: focusText }));
      if (exposure) await io.out(`\n${exposureMarkdown(exposureOf(net))}`);
      continue;
    }
    if (multi) await io.out(`${i > 0 ? '\n' : ''}# ${title ?? ''}\n`);
    if (focusText) await io.out(`Permitted connections on ${focusText}:\n`);
    await writeChunked(io, l.entries.map((e) => (focusText ? `${e.src.text} => ${e.dst.text}\n` : `${entryLine(e)}\n`)));
    if (exposure) await io.out(`${l.entries.length > 0 ? '\n' : ''}${exposureText(exposureOf(net), focusText)}`);
  }
  return 0;
}

/** `kustomize build overlays/prod (partial: …)`: how output names a view. */
function viewTitle(view: ClusterView): string {
  const partial = view.partial.length > 0 ? ` (partial: ${view.partial.join('; ')})` : '';
  return `${view.kind === 'kustomize' ? 'kustomize build' : view.kind === 'declared' ? 'declared view' : 'loose files'} ${view.name}${partial}`;
}

/** The entries that allow the focus port, each with that port only (netpol-analyzer's --focus-conn). */
function onPort(entries: readonly ListingEntry[], port: PortSet): ListingEntry[] {
  return entries.flatMap((e) => {
    const ports = e.ports.intersect(port);
    return ports.isEmpty() ? [] : [{ ...e, ports }];
  });
}

/** Writes lines in chunks, waiting for each to flush, so a huge listing reaches a pipe whole. */
async function writeChunked(io: CliIo, pieces: Iterable<string>): Promise<void> {
  let chunk = '';
  for (const p of pieces) {
    chunk += p;
    if (chunk.length >= 1 << 16) {
      await io.out(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') await io.out(chunk);
}

async function writeJson(io: CliIo, net: Network, entries: readonly ListingEntry[], exposure?: ExposureReport): Promise<void> {
  const workloads = net.workloads.map((w) => ({ id: w.id, namespace: w.namespace, name: w.name, kind: w.kind, labels: w.labels }));
  const connections = entries.map((e) =>
    JSON.stringify({ src: e.src.text, dst: e.dst.text, conns: portsJson(e.ports), reasons: reasons(net, e) }),
  );
  const head = `{"workloads":${JSON.stringify(workloads)},\n"connections":[\n`;
  const tail = exposure ? `],\n"exposure":${JSON.stringify(exposureJson(exposure))}}\n` : ']}\n';
  await writeChunked(io, [head, ...connections.map((c, i) => `${c}${i + 1 < connections.length ? ',' : ''}\n`), tail]);
}

function exposureJson(report: ExposureReport): unknown {
  const line = (l: ExposureReport['egress'][number]): unknown => ({ workload: l.workload, peer: l.peer, conns: portsJson(l.ports), text: l.conns });
  return { egress: report.egress.map(line), ingress: report.ingress.map(line), unprotected: report.unprotected };
}

function toEndpoint(e: ListingEndpoint): Endpoint {
  return e.kind === 'workload' ? { workload: e.index } : { family: e.range.family, address: e.range.from };
}

/** Why the connection is allowed, per side: `not isolated`, or each rule (as a field path) that allows it. */
function reasons(net: Network, e: ListingEntry): string[] {
  const x = explainPair(net, toEndpoint(e.src), toEndpoint(e.dst));
  return [x.egress, x.ingress].flatMap((s) => (s ? sideReasons(net, s, x.allowed) : []));
}

/** The side's rules that contribute to the end-to-end ports, with what each contributes. */
function sideReasons(net: Network, side: SideExplanation, allowed: PortSet): string[] {
  const who = `${net.workloads[side.workload]?.id ?? ''} ${side.direction}`;
  if (side.clusterPolicies.length > 0) {
    // Cluster-wide tiers apply: name the tier and rule that decided each allowed part.
    return side.decisions.flatMap((d) => {
      const ports = d.ports.intersect(allowed);
      return !d.allowed || ports.isEmpty() ? [] : [`${who}: ${ports.toString()} ${decisionText(net, d, side.policies)}`];
    });
  }
  if (!side.isolated) return [`${who}: not isolated (no policy governs ${side.direction})`];
  return side.matches.flatMap((m) => {
    const ports = m.ports.intersect(allowed);
    return ports.isEmpty() ? [] : [`${who}: ${m.rule.policy} ${rulePath(m.rule)} allows ${ports.toString()}`];
  });
}
