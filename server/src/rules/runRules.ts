import { StaleTextError } from '../model/fileText';
import { ruleInfo, type Severity } from '../../../shared/src/ruleCatalogue';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { heldText, type FileModel } from '../model/fileModel';
import { capMessage, MAX_MESSAGE_LENGTH } from '../text/displayText';
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
    const findings = checkRule(ctx, rule, onError);
    if (findings && findings.length > 0) out.push(...resolveFindings(rule, findings, ctx.settings));
  }
  return sortFindings(out);
}

/** One rule's own findings for the file; undefined when it is off or threw (reported through `onError`). */
export function checkRule(ctx: RuleContext, rule: Rule, onError: (rule: Rule, error: unknown) => void): readonly Finding[] | undefined {
  if (ctx.file.skipped || configuredSeverity(rule.id, ctx.settings) === undefined) return undefined;
  try {
    const findings = rule.check(ctx);
    // Most rules find nothing in most documents: the guards below would each return the same empty array.
    if (findings.length === 0) return findings;
    return withoutEditsOnSharedText(withoutRepeats(withinFile(withCappedMessages(findings), heldText(ctx.file).length)), ctx.file);
  } catch (error) {
    // A text read again that changed on disk is no rule's failure: the file is being read again.
    if (!(error instanceof StaleTextError)) onError(rule, error);
    return undefined;
  }
}

/**
 * Findings whose range lies in the file. Rules widen an empty range to one character so it shows;
 * at the end of a half-typed file that one character is past the end. The same array when nothing
 * needed clamping (callers tell an unchanged result by identity).
 */
function withinFile(findings: readonly Finding[], length: number): readonly Finding[] {
  const clamp = (n: number): number => Math.max(0, Math.min(n, length));
  if (findings.every((f) => f.start >= 0 && f.start <= f.end && f.end <= length)) return findings;
  return findings.map((f) => {
    const start = clamp(Math.min(f.start, f.end));
    return { ...f, start, end: Math.max(start, clamp(f.end)) };
  });
}

/**
 * Findings whose messages (and related messages) are at most MAX_MESSAGE_LENGTH long: a last
 * guard for a rule that lists what the input holds (one message was 257,884 characters). The same
 * array when nothing was cut.
 */
function withCappedMessages(findings: readonly Finding[]): readonly Finding[] {
  const long = (f: Finding): boolean => f.message.length > MAX_MESSAGE_LENGTH || (f.related ?? []).some((r) => r.message.length > MAX_MESSAGE_LENGTH);
  if (!findings.some(long)) return findings;
  return findings.map((f) =>
    long(f) ? { ...f, message: capMessage(f.message), ...(f.related ? { related: f.related.map((r) => ({ ...r, message: capMessage(r.message) })) } : {}) } : f,
  );
}

/**
 * Findings without exact repeats. Text used through an alias is checked at every place it is
 * used, but it is written once: the same finding on the same text is shown once.
 */
function withoutRepeats(findings: readonly Finding[]): readonly Finding[] {
  if (findings.length < 2) return findings;
  const seen = new Set<string>();
  const out = findings.filter((f) => {
    const key = `${f.start}:${f.end}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return out.length === findings.length ? findings : out;
}

/**
 * Findings without the fixes that would edit a document using aliases or merge keys. There a node
 * stands for text written once and used at several places (the anchor's offsets): an edit made
 * for one use changes every use, and an edit spanning such a node and its neighbours in the tree
 * would cut across unrelated text. The finding stays; the fix is left to the user.
 */
function withoutEditsOnSharedText(findings: readonly Finding[], file: FileModel): readonly Finding[] {
  const expanded = file.documents.filter((d) => d.expanded);
  if (expanded.length === 0) return findings;
  const touches = (start: number, end: number): boolean => expanded.some((d) => start <= d.end && end >= d.start);
  let changed = false;
  const out = findings.map((f) => {
    if (!f.fixes?.some((fix) => fix.edits.some((e) => touches(e.start, e.end)))) return f;
    changed = true;
    return { ...f, fixes: f.fixes.filter((fix) => !fix.edits.some((e) => touches(e.start, e.end))) };
  });
  return changed ? out : findings;
}

/** A rule's findings with the severity the settings give them. */
export function resolveFindings(rule: Rule, findings: readonly Finding[], settings: NetpolLensSettings): ResolvedFinding[] {
  const configured = configuredSeverity(rule.id, settings);
  const fallback = ruleInfo(rule.id)?.defaultSeverity;
  return findings.map((f) => {
    const severity: Severity =
      configured !== undefined && configured !== 'default' ? configured : (f.severity ?? (fallback && fallback !== 'off' ? fallback : 'warning'));
    return { ...f, severity };
  });
}

/** In file order (start, end, rule id). */
export function sortFindings<T extends ResolvedFinding>(findings: T[]): T[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
}
