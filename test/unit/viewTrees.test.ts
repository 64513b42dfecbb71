/**
 * The trees of every object a cluster view holds, after kustomize's transforms and patches, are
 * trees the readers could have built: every map and sequence answers `type` (a node copied with a
 * spread loses it, and then no reader sees the containers, ports or selectors below it). And what
 * a strategic merge writes under a list keyed by name is there to read.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import type { YNode } from '../../server/src/model/yamlTree';
import { toPlain } from '../../server/src/model/yamlTree';
import { ViewBuilder } from '../../server/src/views/clusterViews';
import { loadFolder } from '../../server/src/workspace/loadFolder';

const fixtures = join(__dirname, '..', 'fixtures', 'views');

/** Paths below `node` whose node has no `type`, or a type that is not the node's shape. */
function malformed(node: YNode | undefined, path: string, out: string[]): void {
  if (node === undefined) return;
  const shape = 'pairs' in node ? 'map' : 'items' in node ? 'seq' : 'scalar';
  if (node.type !== shape) out.push(`${path}: ${shape} node with type ${String(node.type)}`);
  if (node.type === 'map') for (const p of node.pairs) malformed(p.value, `${path}.${String(p.key.value)}`, out);
  if (node.type === 'seq') node.items.forEach((item, i) => malformed(item, `${path}[${i}]`, out));
}

describe('cluster views: transformed trees', () => {
  for (const name of readdirSync(fixtures).filter((n) => !n.includes('.'))) {
    it(`${name}: every map and sequence of every view's objects keeps its type`, () => {
      const { manifests } = loadFolder([join(fixtures, name, 'ws')], DEFAULT_SETTINGS);
      const problems: string[] = [];
      for (const view of new ViewBuilder().build(manifests, DEFAULT_SETTINGS).views) {
        for (const file of view.manifests.files()) for (const o of file.objects) malformed(o.node, `${view.id} ${o.kind}/${o.name ?? ''}`, problems);
      }
      assert.deepEqual(problems, []);
    });
  }

  it('overlays/dev: the container port the strategic merge patch adds is read', () => {
    const { manifests } = loadFolder([join(fixtures, 'overlays', 'ws')], DEFAULT_SETTINGS);
    const dev = new ViewBuilder().build(manifests, DEFAULT_SETTINGS).views.find((v) => v.id === 'kustomize:overlays/dev');
    assert.ok(dev);
    const web = [...dev.manifests.files()].flatMap((f) => f.objects).find((o) => o.kind === 'Deployment' && o.name === 'dev-web');
    const plain = toPlain(web?.node) as { spec: { template: { spec: { containers: { ports?: { containerPort: number }[] }[] } } } };
    const ports = plain.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.containerPort));
    assert.ok(ports.includes(9229), `container ports ${JSON.stringify(ports)}`);
  });
});
