/** `netpol-lens connectivity [paths…]`: who may connect to whom, in netpol-analyzer's listing format. */
import { normalizeSettings, type NetpolLensSettings } from '../../../shared/src/settings';
import { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { buildListing, entryLine, type ListingEndpoint, type ListingEntry, type ListingOptions } from '../engine/connectivityListing';
import { explainPair, type Endpoint, type SideExplanation } from '../engine/explain';
import type { Network } from '../engine/network';
import type { PortSet } from '../engine/portSet';
import type { RuleRef } from '../engine/types';
import type { ManifestSet } from '../model/manifestSet';
import { FindingsService } from '../service/findingsService';
import { EXPLAIN_OPTION_SPECS, runExplain } from './explainCommand';
import { FOCUS_HELP, readFocusOptions } from './focusOptions';
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
  --format txt|json           output format (default txt); json adds IPv6 ranges and the rules
                              allowing each connection
  --explain                   for each pair, what is allowed and denied and which policy and rule
                              decides (as "netpol-lens explain")
  --explain-only allow|deny   with --explain: only pairs with something allowed, or nothing
${FOCUS_HELP}  --default-namespace NAME    namespace of objects without one (default "default")
Exit codes: 0 listed, 2 usage error (unknown option, missing path).
`;

/** The listing for loaded manifests: what both the command and the conformance test print. */
export function listConnections(manifests: ManifestSet, settings: NetpolLensSettings, options: ListingOptions): { analysis: WorkspaceAnalysis; entries: ListingEntry[] } {
  const analysis = new WorkspaceAnalysis(manifests, settings);
  return { analysis, entries: buildListing(analysis.network, analysis.connectivity(), options) };
}

export async function connectivityCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values, flags } = parseArgs(args, [
    { name: 'format', takesValue: true, choices: ['txt', 'json'] },
    ...EXPLAIN_OPTION_SPECS,
    { name: 'explain', takesValue: false },
    { name: 'default-namespace', takesValue: true },
    { name: 'help', takesValue: false },
  ]);
  if (flags.has('help')) {
    await io.out(CONNECTIVITY_HELP);
    return 0;
  }
  const focus = readFocusOptions(values);
  const { focusWorkloads, focusDirection, focusPeers } = focus;
  const ns = values.get('default-namespace')?.[0];
  const settings = normalizeSettings(ns === undefined ? {} : { defaultNamespace: ns });
  const explainOnly = values.get('explain-only')?.[0];
  if (flags.has('explain')) {
    if ((values.get('format')?.[0] ?? 'txt') !== 'txt') throw new UsageError('--explain prints text only (as netpol-analyzer): leave out --format');
    return runExplain(positionals, io, settings, focus, explainOnly);
  }
  if (explainOnly !== undefined) throw new UsageError('--explain-only needs --explain');
  if (focus.focusConn) throw new UsageError('--focus-conn needs --explain (the listing with one port comes in a later change)');
  const { manifests, skipped } = await loadInputs(positionals, io, settings);
  for (const s of skipped) io.err(`netpol-lens: skipped ${s.path}: ${s.reason}\n`);
  const json = values.get('format')?.[0] === 'json';
  const options: ListingOptions = { focusWorkloads, focusDirection, focusPeers, families: json ? ['ipv4', 'ipv6'] : ['ipv4'] };
  const views = new FindingsService().views(manifests, settings).views;
  if (views.length <= 1) {
    const { analysis, entries } = listConnections(views[0]?.manifests ?? manifests, settings, options);
    if (json) await writeJson(io, analysis.network, entries);
    else await writeChunked(io, entries.map((e) => `${entryLine(e)}\n`));
    return 0;
  }
  // Several views (kustomize builds, alternative bundles): one listing each, never one across them.
  if (json) await io.out('{"views":[\n');
  for (const [i, view] of views.entries()) {
    const { analysis, entries } = listConnections(view.manifests, settings, options);
    if (json) {
      await io.out(`{"view":${JSON.stringify({ id: view.id, kind: view.kind, name: view.name, partial: view.partial })},"listing":\n`);
      await writeJson(io, analysis.network, entries);
      await io.out(i + 1 < views.length ? '},\n' : '}\n');
    } else {
      const partial = view.partial.length > 0 ? ` (partial: ${view.partial.join('; ')})` : '';
      await io.out(`${i > 0 ? '\n' : ''}# ${view.kind === 'kustomize' ? 'kustomize build' : view.kind === 'declared' ? 'declared view' : 'loose files'} ${view.name}${partial}\n`);
      await writeChunked(io, entries.map((e) => `${entryLine(e)}\n`));
    }
  }
  if (json) await io.out(']}\n');
  return 0;
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

async function writeJson(io: CliIo, net: Network, entries: readonly ListingEntry[]): Promise<void> {
  const workloads = net.workloads.map((w) => ({ id: w.id, namespace: w.namespace, name: w.name, kind: w.kind, labels: w.labels }));
  const connections = entries.map((e) =>
    JSON.stringify({ src: e.src.text, dst: e.dst.text, conns: portsJson(e.ports), reasons: reasons(net, e) }),
  );
  const head = `{"workloads":${JSON.stringify(workloads)},\n"connections":[\n`;
  await writeChunked(io, [head, ...connections.map((c, i) => `${c}${i + 1 < connections.length ? ',' : ''}\n`), ']}\n']);
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
  if (!side.isolated) return [`${who}: not isolated (no policy governs ${side.direction})`];
  return side.matches.flatMap((m) => {
    const ports = m.ports.intersect(allowed);
    return ports.isEmpty() ? [] : [`${who}: ${m.rule.policy} ${rulePath(m.rule)} allows ${ports.toString()}`];
  });
}

export function rulePath(ref: RuleRef): string {
  const rule = `spec.${ref.direction}[${ref.ruleIndex}]`;
  return ref.peerIndex === undefined ? rule : `${rule}.${ref.direction === 'ingress' ? 'from' : 'to'}[${ref.peerIndex}]`;
}
