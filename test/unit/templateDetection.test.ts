/**
 * Template detection: `{{ }}` where YAML structure stands makes a template; inside a string (a
 * quoted value, a block scalar, a plain value) it is text, and files that are not Kubernetes are
 * never Helm templates.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildFileModel } from '../../server/src/model/fileModel';
import { scanTemplateSyntax } from '../../server/src/model/templateSyntax';

const lines = (...l: string[]): string => l.join('\n') + '\n';

function kinds(text: string): { line: number; inline: number } {
  const s = scanTemplateSyntax(text);
  return { line: s.lineActions.length, inline: s.inlineActions.length };
}

describe('scanTemplateSyntax', () => {
  it('finds actions on lines of their own, as keys and as whole values', () => {
    assert.deepEqual(kinds(lines('{{- if .Values.np }}', 'kind: NetworkPolicy', '{{- end }}')), { line: 2, inline: 0 });
    assert.deepEqual(kinds(lines('spec:', '  replicas: {{ .Values.n }}')), { line: 0, inline: 1 });
    assert.deepEqual(kinds(lines('args:', '- {{ .Values.arg }}')), { line: 0, inline: 1 });
    assert.deepEqual(kinds(lines('metadata: {name: {{ .Values.name }}}')), { line: 0, inline: 1 });
    assert.deepEqual(kinds(lines('labels:', '  app.kubernetes.io/{{ .Values.key }}: x')), { line: 0, inline: 1 });
    assert.deepEqual(kinds(lines('labels:', '  "{{ .Values.key }}": x')), { line: 0, inline: 1 });
    assert.deepEqual(kinds(lines('metadata:', '  labels:', '    app: web', '    {{- include "labels" . | nindent 4 }}')), { line: 1, inline: 0 });
  });

  it('reads {{ }} inside strings as text: quoted, block scalars, plain values, over several lines', () => {
    assert.deepEqual(kinds(lines('annotations:', '  description: "{{ $labels.pod }} is down"', "  summary: '{{ $value }}'")), { line: 0, inline: 0 });
    assert.deepEqual(kinds(lines('data:', '  tmpl: |', '    {{- range .Alerts }}', '    {{ .Labels.pod }}', '', '    {{- end }}', '  other: x')), { line: 0, inline: 0 });
    assert.deepEqual(kinds(lines('items:', '- |-', '  {{ define "x" }}', '- >', '  {{ end }}')), { line: 0, inline: 0 });
    assert.deepEqual(kinds(lines('- name: a', '  value: >-', '    {{ x }}')), { line: 0, inline: 0 });
    assert.deepEqual(kinds(lines('description: "Pod', '  {{ $labels.pod }}', '  is down"', 'next: 1')), { line: 0, inline: 0 });
    assert.deepEqual(kinds(lines("text: 'it''s", "  {{ .x }}'")), { line: 0, inline: 0 });
    assert.deepEqual(kinds(lines('summary: Pod', '  {{ $labels.pod }} is down', 'next: 1')), { line: 0, inline: 0 });
    assert.deepEqual(kinds(lines('summary: Pod {{ $labels.pod }} is down')), { line: 0, inline: 0 });
    assert.deepEqual(kinds(lines('x: {a: "{{ b }}", c: [it\'s, "{{ d }}"]}')), { line: 0, inline: 0 });
  });

  it('never takes a GitHub Actions expression for a template', () => {
    const workflow = lines('on: push', 'jobs:', '  build:', '    if: ${{ github.event_name == \'push\' }}', '    steps:', '    - run: echo ${{ github.sha }}', '      env:', '        X: ${{ secrets.X }}');
    assert.deepEqual(kinds(workflow), { line: 0, inline: 0 });
  });

  it('ends a block scalar at the first line indented no deeper than its key, and at a document marker', () => {
    assert.deepEqual(kinds(lines('data:', '  script: |', '    echo', '{{ .Files.Get "s.sh" | indent 4 }}')), { line: 1, inline: 0 });
    assert.deepEqual(kinds(lines('a: |', '  {{ x }}', '---', '{{ if .y }}')), { line: 1, inline: 0 });
    assert.deepEqual(kinds(lines('- key: |', '  {{ x }}')), { line: 1, inline: 0 });
    assert.deepEqual(kinds(lines('- key: |', '   {{ x }}')), { line: 0, inline: 0 });
  });

  it('survives hostile input', () => {
    for (const t of ['{{', '{{{{', 'a: "{{', 'a: [{{', "a: '", 'a: |\n{{', '- - - {{', '"{{": [', ': {{ x }}', '\r\n{{\r\n']) {
      assert.doesNotThrow(() => scanTemplateSyntax(t), t);
    }
  });
});

describe('template files and documents', () => {
  const deployment = lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web, namespace: shop}',
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      containers:',
    '      - name: web',
    '        image: nginx',
    '        args: ["--greeting={{ not a template }}"]',
  );

  it('reads a rendered file whose ConfigMap holds {{ }} in a string and in a block scalar', () => {
    const text = [
      lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: alert-templates}', 'data:', '  title: "{{ .CommonLabels.alertname }}"', '  body.tmpl: |', '    {{ define "body" }}', '    {{- range .Alerts }}{{ .Labels.pod }}{{ end }}', '    {{ end }}'),
      deployment,
    ].join('---\n');
    const m = buildFileModel('file:///install.yaml', text, 1);
    assert.equal(m.skipped, undefined);
    assert.deepEqual(m.objects.map((o) => `${o.kind}/${o.name ?? ''}`), ['ConfigMap/', 'Deployment/web']);
    assert.deepEqual(m.documents.map((d) => d.templated), [false, false]);
  });

  it('skips a real template: a {{- if }} line, or a key: {{ .Values.x }} document', () => {
    assert.equal(buildFileModel('file:///np.yaml', lines('{{- if .Values.np }}', 'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', '{{- end }}'), 1).skipped, 'helm-template');
    const m = buildFileModel('file:///d.yaml', lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: {{ .Values.replicas }}'), 1);
    assert.equal(m.skipped, undefined);
    assert.deepEqual(m.objects, []);
    assert.equal(m.documents[0]?.templated, true);
  });

  it('leaves out a document whose name, labels or ports hold {{ }} even when quoted: no rendered manifest can', () => {
    for (const field of ['metadata: {name: "{{ .Release.Name }}-web"}', 'metadata: {name: web, labels: {app: "{{ .Chart.Name }}"}}']) {
      const m = buildFileModel('file:///d.yaml', lines('apiVersion: apps/v1', 'kind: Deployment', field, 'spec: {}'), 1);
      assert.equal(m.documents[0]?.templated, true, field);
      assert.deepEqual(m.objects, [], field);
    }
    const port = buildFileModel('file:///np.yaml', lines('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: a}', 'spec:', '  podSelector: {}', '  ingress:', "  - ports: [{port: '{{ .Values.port }}'}]"), 1);
    assert.equal(port.documents[0]?.templated, true);
  });

  it('never calls a file without apiVersion/kind a Helm template: workflows, .goreleaser.yaml, Alertmanager configs', () => {
    const goreleaser = lines('version: 2', 'builds:', '- ldflags:', '  - -s -w -X main.version={{.Version}}', 'archives:', '- name_template: "{{ .ProjectName }}_{{ .Version }}"', 'changelog:', '  header: |', '    {{ .Tag }}', '{{/* a stray action */}}');
    const alertmanager = lines('route: {receiver: slack}', 'receivers:', '- name: slack', '  slack_configs:', '  - text: >-', '      {{ range .Alerts }}{{ .Annotations.summary }}', '      {{ end }}', '    title: \'{{ template "slack.title" . }}\'');
    const workflow = lines('name: ci', 'on: push', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps:', '    - run: echo ${{ github.sha }}');
    for (const [name, text] of [['.goreleaser.yaml', goreleaser], ['alertmanager.yaml', alertmanager], ['.github/workflows/templates/ci.yml', workflow]] as const) {
      const m = buildFileModel(`file:///repo/${name}`, text, 1);
      assert.equal(m.skipped, undefined, name);
      assert.ok(m.documents.every((d) => !d.isKubernetes), name);
    }
  });

  it("treats a chart's templates/ folder as templates, but not helm template --output-dir files", () => {
    const quoted = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  annotations: {a: "{{ .Values.a }}"}');
    assert.equal(buildFileModel('file:///chart/templates/svc.yaml', quoted, 1).skipped, 'helm-template');
    assert.equal(buildFileModel('file:///out/chart/templates/svc.yaml', `---\n# Source: chart/templates/svc.yaml\n${quoted}`, 1).skipped, undefined);
    assert.equal(buildFileModel('file:///chart/templates/svc.yaml', quoted, 1, { rendered: true }).skipped, undefined);
  });
});
