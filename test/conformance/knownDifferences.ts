/**
 * Conformance cases where we deliberately answer differently from netpol-analyzer, each with the
 * reason (also documented for users). A case listed here is still run, and must still differ:
 * when it starts to pass, remove it from this list.
 *
 * Empty: every case of the public suite passes.
 */
export const KNOWN_DIFFERENCES: ReadonlyMap<string, string> = new Map<string, string>([]);
