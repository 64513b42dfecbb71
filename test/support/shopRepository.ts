/**
 * What the review-workflow tests (CLI diff and explain, the editor's compare over LSP) share: git
 * run in a temporary repository with a fixed identity and branch, and the policy they edit —
 * `shop/backend-ingress`, admitting `app=frontend` to `app=backend` on the ports given as YAML
 * list items (`        - port: 8080`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

export const backendIngressPolicy = (ports: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backend-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: backend
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: frontend
      ports:
${ports}
`;
