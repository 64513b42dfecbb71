/** Makes a test workspace a git repository with everything in one commit (git as the user's would run it). */
import { spawnSync } from 'node:child_process';

export function commitAll(dir: string): void {
  const git = (...args: string[]): void => {
    const r = spawnSync('git', ['-c', 'user.name=Netpol Lens tests', '-c', 'user.email=tests@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${dir}: ${r.stderr}`);
  };
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'manifests as deployed');
}

/** What a git workspace needs on top of the tests' quiet settings: the git extension on. */
export const GIT_SETTINGS = { 'git.enabled': true, 'git.autoRepositoryDetection': true, 'git.openRepositoryInParentFolders': 'never' } as const;
