/**
 * Engine benchmark: a deterministic cluster of 2,000 workloads in 40 namespaces and 500 policies
 * (pod and namespace selectors with matchExpressions, ipBlocks with except, numeric, ranged and
 * named ports, both directions), then median times for
 *   - building the engine (label indexes) and the full connectivity matrix (pods and addresses);
 *   - single-pod answers (what a hover needs: selecting policies, isolation and allowed pieces in
 *     both directions, and one pair explanation): cold (a new engine for the pod, as after an
 *     edit) and warm (one engine answering many pods, policies compiled on first use).
 * Then the same with cluster-wide tiers: 50 AdminNetworkPolicies (priorities may repeat; subjects
 * by namespace label or pods; Allow, Deny and Pass rules toward namespaces, pods and networks) and a
 * BaselineAdminNetworkPolicy over the same workloads: the matrix, single-pod answers, and the tier
 * analysis the tier rules read.
 * Prints figures; asserts nothing. Run: node --import tsx test/bench/engineBench.ts [--workloads N] [--policies N] [--admin N]
 */
import { performance } from 'node:perf_hooks';
import { ConnectivityMatrix } from '../../server/src/engine/connectivityMatrix';
import type { ClusterPeer, ClusterPolicy, ClusterPort, ClusterRule } from '../../server/src/engine/clusterPolicyTypes';
import { explainPair } from '../../server/src/engine/explain';
import { Network } from '../../server/src/engine/network';
import { analyseTiers } from '../../server/src/engine/tierAnalysis';
import type { EngineInput, Namespace, Policy, PolicyPeer, PolicyPort, PolicyRule, Workload } from '../../server/src/engine/types';
import { prng } from './prng';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}


export function generateCluster(workloadCount: number, policyCount: number, seed = 7): EngineInput {
  const rnd = prng(seed);
  const int = (n: number): number => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const tiers = ['frontend', 'backend', 'data', 'ops'];
  const namespaces: Namespace[] = Array.from({ length: 40 }, (_, i) => ({
    name: `team-${i}`,
    labels: { tier: tiers[i % tiers.length] as string, env: i % 5 === 0 ? 'prod' : 'dev' },
  }));
  const apps = Array.from({ length: 300 }, (_, i) => `app-${i}`);
  const workloads: Workload[] = Array.from({ length: workloadCount }, (_, i) => {
    const ns = namespaces[i % namespaces.length] as Namespace;
    const name = `w-${i}`;
    const kind = pick(['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);
    return {
      id: `${ns.name}/${name}[${kind}]`,
      name,
      namespace: ns.name,
      kind,
      labels: { app: pick(apps), tier: pick(tiers), ...(i % 3 === 0 ? { version: `v${int(3)}` } : {}) },
      namedPorts: i % 2 === 0 ? [{ name: 'http', port: 8000 + int(100), protocol: 'TCP' }] : [{ name: 'dns', port: 53, protocol: 'UDP' }],
    };
  });
  const selector = (): PolicyPeer['podSelector'] =>
    rnd() < 0.6
      ? { matchLabels: { app: pick(apps) } }
      : { matchExpressions: [{ key: 'tier', operator: rnd() < 0.5 ? 'In' : 'NotIn', values: [pick(tiers), pick(tiers)] }] };
  const peer = (): PolicyPeer => {
    const r = rnd();
    if (r < 0.4) return { podSelector: selector() };
    if (r < 0.65) return { namespaceSelector: { matchLabels: { tier: pick(tiers) } }, podSelector: selector() };
    if (r < 0.8) return { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': pick(namespaces).name } } };
    const a = int(224);
    return { ipBlock: { cidr: `${a}.0.0.0/8`, except: [`${a}.${int(256)}.0.0/16`] } };
  };
  const port = (): PolicyPort => {
    const r = rnd();
    if (r < 0.5) return { port: 80 + int(9000) };
    if (r < 0.7) {
      const p = 1000 + int(5000);
      return { port: p, endPort: p + int(100) };
    }
    if (r < 0.9) return { port: 'http' };
    return { protocol: 'UDP', port: 53 };
  };
  const rules = (n: number): PolicyRule[] =>
    Array.from({ length: n }, () => ({
      peers: Array.from({ length: 1 + int(3) }, peer),
      ports: rnd() < 0.2 ? [] : Array.from({ length: 1 + int(2) }, port),
    }));
  const policies: Policy[] = Array.from({ length: policyCount }, (_, i) => {
    const ns = pick(namespaces).name;
    const both = rnd() < 0.5;
    return {
      id: `${ns}/p-${i}`,
      name: `p-${i}`,
      namespace: ns,
      podSelector: rnd() < 0.1 ? {} : selector(),
      policyTypes: both ? ['Ingress', 'Egress'] : ['Ingress'],
      ingress: rules(1 + int(3)),
      egress: both ? rules(1 + int(2)) : [],
    };
  });
  return { workloads, namespaces, policies };
}

/** `adminCount` AdminNetworkPolicies and one BaselineAdminNetworkPolicy over a generated cluster. */
export function generateClusterPolicies(input: EngineInput, adminCount: number, seed = 11): ClusterPolicy[] {
  const rnd = prng(seed);
  const int = (n: number): number => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const tiers = ['frontend', 'backend', 'data', 'ops'];
  const apps = [...new Set(input.workloads.map((w) => w.labels.app ?? ''))];
  const names = input.namespaces.map((n) => n.name);
  const peer = (egress: boolean): ClusterPeer => {
    const r = rnd();
    if (r < 0.35) return { namespaces: { matchLabels: { tier: pick(tiers) } } };
    if (r < 0.6) return { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: pick(apps) } } } };
    if (r < 0.8 || !egress) return { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': pick(names) } } };
    return { networks: [`${int(224)}.${int(256)}.0.0/16`, `10.${int(256)}.0.0/16`] };
  };
  const port = (): ClusterPort => {
    const r = rnd();
    if (r < 0.5) return { kind: 'range', protocol: 'TCP', from: 80 + int(9000), to: 80 + int(9000) };
    if (r < 0.8) {
      const p = 1000 + int(5000);
      return { kind: 'range', protocol: rnd() < 0.8 ? 'TCP' : 'UDP', from: p, to: p + int(100) };
    }
    return { kind: 'named', name: rnd() < 0.5 ? 'http' : 'dns' };
  };
  const rules = (n: number, egress: boolean, baseline: boolean): ClusterRule[] =>
    Array.from({ length: n }, (_, i) => ({
      name: `r${i}`,
      action: baseline ? pick(['allow', 'deny'] as const) : pick(['allow', 'deny', 'pass'] as const),
      peers: Array.from({ length: 1 + int(2) }, () => peer(egress)),
      ...(rnd() < 0.3 ? {} : { ports: Array.from({ length: 1 + int(2) }, port) }),
    }));
  const subject = (): ClusterPeer =>
    rnd() < 0.6 ? { namespaces: { matchLabels: { tier: pick(tiers) } } } : { pods: { namespaceSelector: { matchLabels: { env: rnd() < 0.5 ? 'prod' : 'dev' } }, podSelector: { matchLabels: { tier: pick(tiers) } } } };
  const admins: ClusterPolicy[] = Array.from({ length: adminCount }, (_, i) => ({
    id: `AdminNetworkPolicy/anp-${i}`,
    kind: 'AdminNetworkPolicy',
    name: `anp-${i}`,
    tier: 'admin',
    priority: int(40),
    subject: subject(),
    ingress: rules(1 + int(4), false, false),
    egress: rnd() < 0.6 ? rules(1 + int(3), true, false) : [],
  }));
  const baseline: ClusterPolicy = {
    id: 'BaselineAdminNetworkPolicy/default',
    kind: 'BaselineAdminNetworkPolicy',
    name: 'default',
    tier: 'baseline',
    priority: undefined,
    subject: { namespaces: {} },
    ingress: rules(3, false, true),
    egress: [{ name: 'no-internet', action: 'deny', peers: [{ networks: ['0.0.0.0/0'] }] }],
  };
  return [...admins, baseline];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function time<T>(f: () => T): [number, T] {
  const t = performance.now();
  const r = f();
  return [performance.now() - t, r];
}

function main(): void {
  const workloadCount = arg('workloads', 2000);
  const policyCount = arg('policies', 500);
  const runs = arg('runs', 5);
  const input = generateCluster(workloadCount, policyCount);
  console.log(`engine bench: ${workloadCount} workloads, ${input.namespaces.length} namespaces, ${policyCount} policies, ${runs} runs`);
  measure(input, workloadCount, runs);
  const adminCount = arg('admin', 50);
  const clusterPolicies = generateClusterPolicies(input, adminCount);
  const tiered = { ...input, clusterPolicies };
  const priorities = new Set(clusterPolicies.flatMap((p) => (p.priority === undefined ? [] : [p.priority]))).size;
  console.log(`\nwith ${adminCount} AdminNetworkPolicies (${priorities} distinct priorities) and a BaselineAdminNetworkPolicy over the same workloads:`);
  measure(tiered, workloadCount, runs);
  const analysisTimes: number[] = [];
  let overlaps = 0;
  for (let r = 0; r < runs; r++) {
    const net = new Network(tiered);
    const [t, analysis] = time(() => analyseTiers(net));
    analysisTimes.push(t);
    overlaps = analysis.overlaps.length;
  }
  console.log(`  tier analysis (shadowing, passes, ties) on a built engine  median ${median(analysisTimes).toFixed(1)} ms  (${overlaps} equal-priority overlaps found)`);
}

function measure(input: EngineInput, workloadCount: number, runs: number): void {

  const buildTimes: number[] = [];
  const matrixTimes: number[] = [];
  let connected = 0;
  for (let r = 0; r < runs; r++) {
    const [tb, net] = time(() => new Network(input));
    // Every pair's ports, as the listing needs them: rows, then one lookup per pair.
    const [tm, pairs] = time(() => {
      const matrix = new ConnectivityMatrix(net);
      let n = 0;
      for (const _ of matrix.pairs()) n++;
      return n;
    });
    buildTimes.push(tb);
    matrixTimes.push(tb + tm);
    connected = pairs;
  }
  console.log(`  engine build (indexes)               median ${median(buildTimes).toFixed(1)} ms`);
  console.log(`  full matrix incl. build              median ${median(matrixTimes).toFixed(1)} ms  (${connected} connected pairs of ${workloadCount * (workloadCount - 1)})`);

  const coldTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const w = (i * 104729) % workloadCount;
    const [t] = time(() => {
      const fresh = new Network(input);
      fresh.allowed(w, 'ingress');
      fresh.allowed(w, 'egress');
      return explainPair(fresh, { workload: w }, { workload: (w + 1) % workloadCount });
    });
    coldTimes.push(t);
  }
  console.log(`  single-pod answer, cold (new engine + both directions + one explain)  median ${median(coldTimes).toFixed(2)} ms`);

  const singleTimes: number[] = [];
  const net = new Network(input);
  const [firstTime] = time(() => net.allowed(0, 'ingress'));
  for (let i = 1; i < Math.min(workloadCount, 400); i++) {
    const w = (i * 7919) % workloadCount;
    const [t] = time(() => {
      const ingress = net.allowed(w, 'ingress');
      const egress = net.allowed(w, 'egress');
      const peers = ingress.pieces.reduce((n, p) => n + p.workloads.count(), 0) + egress.pieces.reduce((n, p) => n + p.workloads.count(), 0);
      explainPair(net, { workload: w }, { workload: (w + 1) % workloadCount });
      return peers;
    });
    singleTimes.push(t);
  }
  console.log(`  first answer of a built engine                                     ${firstTime.toFixed(2)} ms`);
  console.log(`  single-pod answer, warm (both directions + one explain)             median ${median(singleTimes).toFixed(3)} ms, max ${Math.max(...singleTimes).toFixed(3)} ms`);
}

if (require.main === module) main();
