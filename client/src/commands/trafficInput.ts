/**
 * What the user types in "Explain traffic…": a port as `80`, `TCP 80`, `udp/53` or `53/UDP`
 * (empty: every port), and an address (`10.0.0.1`, `2001:db8::1`). Pure, so it is tested
 * without VS Code.
 */

export type PortInput = { readonly protocol?: undefined; readonly port?: undefined } | { readonly protocol: 'TCP' | 'UDP' | 'SCTP'; readonly port: number };

/** Undefined when the text is not a port; `{}` for every port. */
export function parsePortInput(text: string): PortInput | undefined {
  const t = text.trim();
  if (t === '') return {};
  const m = /^(?:(tcp|udp|sctp)\s*[/ ]\s*)?(\d{1,5})(?:\s*[/ ]\s*(tcp|udp|sctp))?$/i.exec(t);
  if (!m || (m[1] && m[3])) return undefined;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  const protocol = (m[1] ?? m[3] ?? 'TCP').toUpperCase() as 'TCP' | 'UDP' | 'SCTP';
  return { protocol, port };
}

/** A plausible IPv4 or IPv6 address (the server parses it for real). */
export function looksLikeAddress(text: string): boolean {
  const t = text.trim();
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(t) || (/^[0-9a-f:.]+$/i.test(t) && t.includes(':'));
}
