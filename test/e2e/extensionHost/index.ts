/**
 * The extension-host test module (`extensionTestsPath`): VS Code (desktop through
 * @vscode/test-electron, or code-server through the workbench payload) loads the extension from
 * source, then calls `run()` here in its extension host; the promise's outcome is the exit code.
 *
 * Bundled by build.ts to dist-test/extensionHost/index.js with `vscode` and `mocha` external.
 * The suites are functions called after mocha's pre-require event, so the `describe`/`it`
 * imported from 'mocha' reach this mocha instance although everything is one bundle.
 *
 * Each result line goes to the console (test-electron prints the extension host's console) and,
 * when NETPOL_EXTHOST_REPORT names a file, to that file (code-server's runner reads it).
 */
import { appendFileSync } from 'node:fs';
import Mocha from 'mocha';
import { activationSuite } from './suites/activation.suite';
import { codeActionsSuite } from './suites/codeActions.suite';
import { commandsSuite } from './suites/commands.suite';
import { diagnosticsSuite } from './suites/diagnostics.suite';
import { hoverSuite } from './suites/hover.suite';

/** In order: the mutating suites last, and each reverts what it does not mean to keep. */
const SUITES = [activationSuite, diagnosticsSuite, hoverSuite, commandsSuite, codeActionsSuite];

function sink(): (line: string) => void {
  const report = process.env.NETPOL_EXTHOST_REPORT;
  return (line) => {
    console.log(line);
    if (report) appendFileSync(report, `${line}\n`);
  };
}

/** One line per test, then the counts; a failure with its message and stack. */
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const write = sink();
    const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;
    const started = Date.now();
    runner.on(EVENT_TEST_PASS, (test) => write(`  ok   ${test.fullTitle()} (${test.duration ?? 0} ms)`));
    runner.on(EVENT_TEST_PENDING, (test) => write(`  skip ${test.fullTitle()}`));
    runner.on(EVENT_TEST_FAIL, (test, err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      const stack = e.stack ?? '';
      const frames = stack.includes('\n    at ') ? stack.slice(stack.indexOf('\n    at ') + 1).split('\n').slice(0, 4).join('\n') : '';
      write(`  FAIL ${test.fullTitle()}\n       ${e.message.split('\n').join('\n       ')}\n${frames}`);
    });
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats;
      write(`extension-host tests: ${s?.passes ?? 0} passed, ${s?.failures ?? 0} failed, ${s?.pending ?? 0} skipped in ${Date.now() - started} ms`);
    });
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, reporter: LineReporter, color: false });
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'netpol-lens-exthost-tests', mocha);
  for (const register of SUITES) register();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
