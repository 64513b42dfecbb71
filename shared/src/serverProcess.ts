/**
 * How the language server's Node process is started, defined once for every spawner: the VS Code
 * client, the LSP tests and the bench (and shown in the README for other editors).
 *
 * `--max-semi-space-size=4` caps V8's young generation at 4 MB per semi-space instead of up to
 * 16: the server's heap is a few hundred MB of long-lived models, and a large young generation
 * only holds garbage between scavenges, counted in full in the process's memory. V8 reads the flag
 * only when the process starts (`v8.setFlagsFromString` comes too late for it), so the spawner
 * passes it. Measured on the large bench workspace (5,000 files) through the real server, two runs
 * of each size in turn at load ~2 (RSS after indexing / after 100 edits, index ÷ floor):
 * 16 (default) 413 / 492 MB, 0.48 ×; 8: 402 / 487 MB, 0.48–0.49 ×; 4: 395 / 445–457 MB,
 * 0.46–0.50 ×; 2: 391 / 426–439 MB, 0.52–0.54 ×. Below 4 MB the scavenges cost the index more
 * than the memory they save is worth; CPU per edit was within the runs' noise at every size.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
