/**
 * `netpol-lens`: the server's rules and engine without LSP, for CI and terminals. `launch.ts`
 * (dist/cli.js) runs it in a worker thread (`workerMain.ts`, dist/cliWorker.js).
 */
import { checkCommand } from './checkCommand';
import { connectivityCommand } from './connectivityCommand';
import { diffCommand } from './diffCommand';
import { explainCommand } from './explainCommand';
import { UsageError, type CliIo } from './io';
import { viewsCommand } from './viewsCommand';

declare const __SERVER_VERSION__: string | undefined;
const VERSION = typeof __SERVER_VERSION__ === 'string' ? __SERVER_VERSION__ : 'dev';

const HELP = `netpol-lens ${VERSION} — Kubernetes NetworkPolicy linter and connectivity analyser

Usage:
  netpol-lens check [options] [paths…]          report NetworkPolicy problems (text, JSON, SARIF)
  netpol-lens connectivity [options] [paths…]   list who may connect to whom, and on which ports
  netpol-lens explain [options] [paths…]        for each pair, what is allowed and denied, and which rule decides
  netpol-lens diff --dir1 A --dir2 B            what changed in allowed connections between two folders
  netpol-lens diff [--base REF] [paths…]        … between a git revision (default HEAD) and the working tree
  netpol-lens views [options] [paths…]          show how the folder is deployed: kustomize builds, alternatives
  netpol-lens --version | --help

Run "netpol-lens <command> --help" for a command's options.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: (args, io) => checkCommand(args, io, VERSION),
  connectivity: connectivityCommand,
  diff: diffCommand,
  explain: explainCommand,
  views: viewsCommand,
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    await io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    await io.out(`${VERSION}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command "${command}"`);
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const help = COMMANDS[command] ? `netpol-lens ${command} --help` : 'netpol-lens --help';
      io.err(`netpol-lens: ${error.message}\nRun "${help}" for usage.\n`);
      return 2;
    }
    io.err(`netpol-lens: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }
}
