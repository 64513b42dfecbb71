/**
 * `netpol-lens explain [paths…]` (also `connectivity --explain`): for each pair, which connections
 * are allowed and denied and which policy and rule decides, in netpol-analyzer's explanation
 * format (`list --explain`), with `--explain-only allow|deny` and the focus options.
 */
import { normalizeSettings, type NetpolLensSettings } from '../../../shared/src/settings';
import { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { ManifestSet } from '../model/manifestSet';
import { FindingsService } from '../service/findingsService';
import { readConfigOption } from './configOption';
import { explainPairs, type ExplainOptions } from './explain/explainPairs';
import { explainText } from './explain/explainText';
import { FOCUS_HELP, FOCUS_OPTION_SPECS, readFocusOptions, unknownFocusNames, type FocusOptions } from './focusOptions';
import { UsageError, type CliIo } from './io';
import { loadInputs } from './loadInputs';
import { parseArgs, type OptionSpec } from './parseArgs';

export const EXPLAIN_HELP = `Usage: netpol-lens explain [options] [paths…]
       netpol-lens connectivity --explain [options] [paths…]

For each pair of workloads (and each workload with the external address ranges its policies cut
the address space into), which connections are allowed and which are denied, and which policy
and rule decides, in netpol-analyzer's explanation format:

  Connections between <src> => <dst>:
  Allowed connections:
  	Allowed TCP:[8080] due to the following policies and rules:
  		Egress (Allowed) due to the system default (Allow all)
  		Ingress (Allowed)
  			NetworkPolicy 'ns/name' allows connections by Ingress rule #1

Pairs allowed on everything only because no policy selects either end are listed at the end,
one line each. "-" reads a stream of manifests from standard input. A folder deployed in several
ways (see "netpol-lens views") is explained view by view, each under a "# <view>" line.

Options:
  --explain-only allow|deny   only pairs with something allowed (allow), or with nothing allowed
                              (deny; with --focus-conn: the pairs where that port is denied)
${FOCUS_HELP}  --config FILE               settings file (as for check)
  --default-namespace NAME    namespace of objects without one (default "default")
Exit codes: 0 explained, 2 usage error (unknown option, missing path, a focus name that matches no
workload).
`;

export const EXPLAIN_OPTION_SPECS: readonly OptionSpec[] = [{ name: 'explain-only', takesValue: true, choices: ['allow', 'deny'] }, ...FOCUS_OPTION_SPECS];

/** The explanation text for loaded manifests (one view): what the command prints and the conformance test reads. */
export function explainManifests(manifests: ManifestSet, settings: NetpolLensSettings, options: ExplainOptions): { text: string; analysis: WorkspaceAnalysis } {
  const analysis = new WorkspaceAnalysis(manifests, settings);
  return { text: explainText(explainPairs(analysis.network, options)), analysis };
}

export function explainOptionsFrom(focus: FocusOptions, explainOnly: string | undefined): ExplainOptions {
  return {
    focusWorkloads: focus.focusWorkloads,
    focusDirection: focus.focusDirection,
    focusPeers: focus.focusPeers,
    focusConn: focus.focusConn?.ports,
    explainOnly: explainOnly as 'allow' | 'deny' | undefined,
  };
}

export async function explainCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values, flags } = parseArgs(args, [
    ...EXPLAIN_OPTION_SPECS,
    { name: 'config', takesValue: true },
    { name: 'default-namespace', takesValue: true },
    { name: 'help', takesValue: false },
  ]);
  if (flags.has('help')) {
    await io.out(EXPLAIN_HELP);
    return 0;
  }
  const raw = readConfigOption(values, io.cwd);
  const ns = values.get('default-namespace')?.[0];
  if (ns !== undefined) raw.defaultNamespace = ns;
  const settings = normalizeSettings(raw);
  const focus = readFocusOptions(values);
  return runExplain(positionals, io, settings, focus, values.get('explain-only')?.[0]);
}

/** Loads the inputs and prints the explanation per view (shared with `connectivity --explain`). */
export async function runExplain(positionals: readonly string[], io: CliIo, settings: NetpolLensSettings, focus: FocusOptions, explainOnly: string | undefined): Promise<number> {
  const { manifests, skipped } = await loadInputs(positionals, io, settings);
  for (const s of skipped) io.err(`netpol-lens: skipped ${s.relativePath}: ${s.reason}\n`);
  const options = explainOptionsFrom(focus, explainOnly);
  const views = new FindingsService().views(manifests, settings).views;
  const explained = (views.length > 0 ? views.map((v) => ({ view: v, manifests: v.manifests })) : [{ view: undefined, manifests }]).map((v) => ({
    ...v,
    ...explainManifests(v.manifests, settings, options),
  }));
  const unknown = unknownFocusNames(
    explained.map((e) => e.analysis.network),
    focus,
  );
  if (unknown.length > 0) throw new UsageError(`no workload named ${unknown.map((n) => `"${n}"`).join(', ')} (focus names are name or namespace/name)`);
  for (const [i, e] of explained.entries()) {
    if (explained.length > 1 && e.view) {
      const kind = e.view.kind === 'kustomize' ? 'kustomize build' : e.view.kind === 'declared' ? 'declared view' : 'loose files';
      const partial = e.view.partial.length > 0 ? ` (partial: ${e.view.partial.join('; ')})` : '';
      await io.out(`${i > 0 ? '\n' : ''}# ${kind} ${e.view.name}${partial}\n`);
    }
    await io.out(e.text);
  }
  return 0;
}
