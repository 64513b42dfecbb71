/**
 * `launch` (dist/cli.js): the command runs in a worker thread with the language server's young
 * generation, and the process lends it standard output, error and input and takes its exit code.
 * The workers here are stand-ins (test/fixtures/cli/workers); test/cli runs the real one.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CLI_YOUNG_GENERATION_MB, launch, type LaunchStreams } from '../../server/src/cli/launch';

const workers = join(__dirname, '..', 'fixtures', 'cli', 'workers');

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

function streams(stdin: string): { streams: LaunchStreams; out: () => string; err: () => string } {
  const out = sink();
  const err = sink();
  return { streams: { stdout: out.stream, stderr: err.stream, readStdin: () => Promise.resolve(stdin) }, out: out.text, err: err.text };
}

describe('the CLI launcher', () => {
  it("caps the worker's young generation at the language server's 4 MB per semi-space", async () => {
    const io = streams('0');
    const code = await launch(join(workers, 'reportYoungGeneration.cjs'), [], io.streams);
    assert.equal(code, 0);
    const young = Number(/^young (\d+)$/m.exec(io.out())?.[1]);
    // Two semi-spaces make the new space V8 reports; left alone the churn grows it to 32 MB.
    assert.ok(young > 0 && young <= ((CLI_YOUNG_GENERATION_MB * 2) / 3) * 1024 * 1024, `young generation ${young} bytes`);
  });

  it("relays standard input on request and takes the worker's exit code", async () => {
    const io = streams('7');
    assert.equal(await launch(join(workers, 'reportYoungGeneration.cjs'), [], io.streams), 7);
    assert.equal(io.err(), 'stdin 1\n');
  });

  it('reports a worker that throws as an unexpected error, exit code 3', async () => {
    const io = streams('');
    assert.equal(await launch(join(workers, 'throws.cjs'), [], io.streams), 3);
    assert.equal(io.err(), 'netpol-lens: unexpected error: boom\n');
  });
});
