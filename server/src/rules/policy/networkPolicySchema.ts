/**
 * The field names of a NetworkPolicy object (networking.k8s.io/v1; extensions/v1beta1 has the same
 * shape), as a tree: what the API server's strict decoding accepts at each level.
 */
export type FieldSchema =
  | {
      readonly kind: 'map';
      readonly name: string;
      readonly fields: Readonly<Record<string, FieldSchema>>;
      /** The rule that reports a value of another shape here with a more specific message. */
      readonly shapeCheckedBy?: string;
    }
  | { readonly kind: 'list'; readonly item: FieldSchema; readonly shapeCheckedBy?: string }
  /** Free-form: any keys (labels, annotations, status), or a scalar. */
  | { readonly kind: 'open' };

const open: FieldSchema = { kind: 'open' };
const map = (name: string, fields: Record<string, FieldSchema>, shapeCheckedBy?: string): FieldSchema => ({
  kind: 'map',
  name,
  fields,
  ...(shapeCheckedBy === undefined ? {} : { shapeCheckedBy }),
});
const list = (item: FieldSchema, shapeCheckedBy?: string): FieldSchema => ({ kind: 'list', item, ...(shapeCheckedBy === undefined ? {} : { shapeCheckedBy }) });

const selector = map(
  'a label selector',
  {
    matchLabels: open,
    matchExpressions: list(map('a matchExpressions entry', { key: open, operator: open, values: open }, 'selector-invalid'), 'selector-invalid'),
  },
  'selector-invalid',
);

const peer = map(
  'a peer',
  {
    podSelector: selector,
    namespaceSelector: selector,
    ipBlock: map('an ipBlock', { cidr: open, except: open }, 'ipblock-invalid-cidr'),
  },
  'peer-invalid',
);

const port = map('a ports entry', { protocol: open, port: open, endPort: open }, 'port-invalid');

const objectMeta = map(
  'metadata',
  {
    name: open,
    generateName: open,
    namespace: open,
    selfLink: open,
    uid: open,
    resourceVersion: open,
    generation: open,
    creationTimestamp: open,
    deletionTimestamp: open,
    deletionGracePeriodSeconds: open,
    labels: open,
    annotations: open,
    ownerReferences: open,
    finalizers: open,
    managedFields: open,
  },
  'metadata-name-invalid',
);

export const NETWORK_POLICY_SCHEMA: FieldSchema = map('a NetworkPolicy', {
  apiVersion: open,
  kind: open,
  metadata: objectMeta,
  spec: map('spec', {
    podSelector: selector,
    policyTypes: open,
    ingress: list(map('an ingress rule', { from: list(peer), ports: list(port) })),
    egress: list(map('an egress rule', { to: list(peer), ports: list(port) })),
  }),
  status: open,
});
