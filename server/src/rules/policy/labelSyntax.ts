/**
 * Label key and value syntax as apimachinery validates it (`IsQualifiedName`, `IsValidLabelValue`),
 * returning the API server's messages; empty when valid.
 */
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_CHARS = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** Problems of a label key (`app`, `app.kubernetes.io/name`). */
export function labelKeyProblems(key: string): string[] {
  const parts = key.split('/');
  if (parts.length > 2) return ["a qualified name must consist of an optional DNS subdomain prefix and a name, separated by one '/'"];
  const name = parts.length === 2 ? (parts[1] ?? '') : key;
  const out: string[] = [];
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix.length === 0) out.push('prefix part must be non-empty');
    else if (prefix.length > 253) out.push('prefix part must be no more than 253 characters');
    else if (!DNS1123_SUBDOMAIN.test(prefix)) out.push('prefix part must be a lowercase RFC 1123 subdomain (lower-case letters, digits, \'-\' and \'.\')');
  }
  if (name.length === 0) out.push('name part must be non-empty');
  else {
    if (name.length > 63) out.push('name part must be no more than 63 characters');
    if (!NAME.test(name)) out.push(`name part ${NAME_CHARS}`);
  }
  return out;
}

/** Problems of a label value (may be empty). */
export function labelValueProblems(value: string): string[] {
  const out: string[] = [];
  if (value.length > 63) out.push('must be no more than 63 characters');
  if (value.length > 0 && !NAME.test(value)) out.push(`a valid label ${NAME_CHARS}`);
  return out;
}
