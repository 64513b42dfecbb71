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
  /** A string: a number or boolean (`12345`, `true`), a map or a list cannot be decoded into it. */
  | { readonly kind: 'string'; readonly shapeCheckedBy?: string }
  /** A map of strings (`labels`, `annotations`): any keys, every value a string. */
  | { readonly kind: 'stringMap'; readonly shapeCheckedBy?: string }
  /** Free-form: any keys (status), or a scalar. */
  | { readonly kind: 'open' };

export const open: FieldSchema = { kind: 'open' };
export const string = (shapeCheckedBy?: string): FieldSchema => ({ kind: 'string', ...(shapeCheckedBy === undefined ? {} : { shapeCheckedBy }) });
export const stringMap = (shapeCheckedBy?: string): FieldSchema => ({ kind: 'stringMap', ...(shapeCheckedBy === undefined ? {} : { shapeCheckedBy }) });
export const map = (name: string, fields: Record<string, FieldSchema>, shapeCheckedBy?: string): FieldSchema => ({
  kind: 'map',
  name,
  fields,
  ...(shapeCheckedBy === undefined ? {} : { shapeCheckedBy }),
});
export const list = (item: FieldSchema, shapeCheckedBy?: string): FieldSchema => ({ kind: 'list', item, ...(shapeCheckedBy === undefined ? {} : { shapeCheckedBy }) });

export const selector = map(
  'a label selector',
  {
    matchLabels: stringMap('selector-invalid'),
    matchExpressions: list(
      map('a matchExpressions entry', { key: string('selector-invalid'), operator: string('selector-invalid'), values: list(string('selector-invalid'), 'selector-invalid') }, 'selector-invalid'),
      'selector-invalid',
    ),
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

export const objectMeta = map(
  'metadata',
  {
    name: string('metadata-name-invalid'),
    generateName: string(),
    namespace: string(),
    selfLink: open,
    uid: open,
    resourceVersion: open,
    generation: open,
    creationTimestamp: open,
    deletionTimestamp: open,
    deletionGracePeriodSeconds: open,
    labels: stringMap(),
    annotations: stringMap(),
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
