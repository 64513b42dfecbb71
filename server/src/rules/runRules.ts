import { ruleInfo, type Severity } from '../../../shared/src/ruleCatalogue';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import type { Finding, Rule, RuleContext } from './types';

export interface ResolvedFinding extends Finding {
  readonly severity: Severity;
}

/** The severity a rule runs at under the settings, or undefined when it is off. */
export function configuredSeverity(ruleId: string, settings: NetpolLensSettings): Severity | 'default' | undefined {
  const setting = settings.rules[ruleId];
  if (setting === 'off') return undefined;
  if (setting && setting !== 'default') return setting;
  const info = ruleInfo(ruleId);
  if (!info || info.defaultSeverity === 'off') return setting === 'default' ? 'default' : undefined;
  return 'default';
}

/**
 * Run rules over one file. A rule that throws is reported through `onError` and skipped: one
 * broken rule never hides the others' findings.
 */
export function runRules(
  ctx: RuleContext,
  rules: readonly Rule[],
  onError: (rule: Rule, error: unknown) => void = () => undefined,
): ResolvedFinding[] {
  const out: ResolvedFinding[] = [];
  if (ctx.file.skipped) return out;
  for (const rule of rules) {
    const configured = configuredSeverity(rule.id, ctx.settings);
    if (configured === undefined) continue;
    let findings: Finding[];
    try {
      findings = rule.check(ctx);
    } catch (error) {
      onError(rule, error);
      continue;
    }
    const fallback = ruleInfo(rule.id)?.defaultSeverity;
    for (const f of findings) {
      const severity: Severity =
        configured !== 'default' ? configured : (f.severity ?? (fallback && fallback !== 'off' ? fallback : 'warning'));
      out.push({ ...f, severity });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
}
