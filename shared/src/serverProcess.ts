/**
 * How the language server's Node process is started, defined once for every spawner: the VS Code
 * client, the LSP tests and the bench (and shown in the README for other editors).
 *
 * `--max-semi-space-size=2` caps V8's young generation at 2 MB per semi-space instead of up to
 * 16: the server's heap is a few hundred MB of long-lived models, and a large young generation
 * only holds garbage between scavenges, counted in full in the process's memory. Measured on the
 * large bench workspace (5,000 files), through the real server, eight runs at load 4–6 on 2
 * cores: RSS after indexing 430–435 → 401–408 MB, after 60 edits and at its peak 20–50 MB lower,
 * CPU per edit and the index's CPU within the runs' noise. V8 reads the flag only when the process
 * starts (`v8.setFlagsFromString` comes too late for it), so the spawner passes it.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
