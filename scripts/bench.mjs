// `npm run bench [-- --size medium|large|huge|all --runs N --edits N --profile --keep]`: build the bundles
// (the bench drives dist/server.js and dist/cli.js), run the server bench with the options given,
// then the cluster-views bench (in-process, its own defaults).
import { spawnSync } from 'node:child_process';

const run = (args) => {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(['esbuild.mjs']);
run(['--import', 'tsx', 'test/bench/bench.ts', ...process.argv.slice(2)]);
run(['--expose-gc', '--import', 'tsx', 'test/bench/viewsBench.ts']);
