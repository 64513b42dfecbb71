/**
 * The API server's validation error as it prints it (`<field path>: <type>: <value>: <detail>`),
 * for messages that say what `kubectl apply` would answer.
 */
import { quoted } from '../../text/displayText';

export type ApiErrorType = 'Invalid value' | 'Required value' | 'Unsupported value' | 'Forbidden';

/** `The API server rejects the policy: spec.ingress[0].ports[0].port: Invalid value: 0: must be …`. */
export function apiServerRejects(path: string, type: ApiErrorType, value: string | number | undefined, detail: string): string {
  const shown = value === undefined ? '' : typeof value === 'number' ? `${value}: ` : `${quoted(value)}: `;
  return `The API server rejects the policy: ${path}: ${type}: ${shown}${detail}`;
}
