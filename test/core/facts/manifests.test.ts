import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../src/core/facts/manifests';
import { YamlSyntaxError } from '../../../src/core/facts/yamlSource';
import { extractText, lines } from './extractStub';

const PATH = 'deploy/serving.yaml';

const MANIFESTS = [
  'apiVersion: serving.kserve.io/v1beta1',
  'kind: InferenceService',
  'metadata:',
  '  name: churn-model',
  'spec:',
  '  predictor: {sklearn: {storageUri: gs://models/churn}}',
  '---',
  '# a comment-only document',
  '---',
  'kind: Deployment',
  'apiVersion: apps/v1',
  'metadata: {labels: {app: x}}',
  '---',
  'apiVersion: v1',
  'kind: [not, a, string]',
  '---',
  'server: {port: 8080}',
];

describe('manifest extractor', () => {
  it('reads every document with string apiVersion and kind', async () => {
    const result = await extractText(extractor, PATH, lines('\n', ...MANIFESTS));
    assert.deepEqual(result, {
      warnings: [],
      manifests: [
        { path: PATH, line: 2, apiVersion: 'serving.kserve.io/v1beta1', kind: 'InferenceService', name: 'churn-model' },
        { path: PATH, line: 10, apiVersion: 'apps/v1', kind: 'Deployment' },
      ],
    });
  });

  it('gives the same facts for CRLF files', async () => {
    assert.deepEqual(
      await extractText(extractor, PATH, lines('\r\n', ...MANIFESTS)),
      await extractText(extractor, PATH, lines('\n', ...MANIFESTS)),
    );
  });

  it('skips files other extractors own or that are known not to be manifests', async () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\n';
    for (const path of [
      '.github/workflows/ci.yml', '.gitlab-ci.yml', 'sub/dvc.yaml', 'environment.yml', 'docker-compose.yaml',
      'compose.override.yml', '.pre-commit-config.yaml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml',
      '.circleci/config.yml', 'mkdocs.yml', 'conda.yaml',
    ]) {
      assert.deepEqual(await extractText(extractor, path, manifest), { warnings: [] }, path);
    }
    const kustomization = await extractText(extractor, 'k8s/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n');
    assert.equal(kustomization.manifests?.[0].kind, 'Kustomization');
  });

  it('reads Helm templates line by line when they are not YAML', async () => {
    const template = lines('\r\n',
      '{{- if .Values.enabled }}',
      'apiVersion: {{ include "common.capabilities.deployment.apiVersion" . }}',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "app.fullname" . }}',
      '  labels: {{- include "app.labels" . | nindent 4 }}',
      'spec:',
      '  template:',
      '    metadata:',
      '      name: nested',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: "app-svc"',
      '{{- end }}',
    );
    const path = 'charts/app/templates/deployment.yaml';
    const { manifests } = await extractText(extractor, path, template, { 'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\n' });
    assert.deepEqual(manifests, [
      { path, line: 3, apiVersion: '{{ include "common.capabilities.deployment.apiVersion" . }}', kind: 'Deployment' },
      { path, line: 13, apiVersion: 'v1', kind: 'Service', name: 'app-svc' },
    ]);
  });

  it('reports invalid YAML outside Helm charts with its line', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ x }}\n  labels: {{- y }}\n';
    await assert.rejects(
      extractText(extractor, 'templates/pod.yaml', text),
      (err: unknown) => err instanceof YamlSyntaxError && err.line === 5,
    );
  });

  it('yields nothing for documents that are not mappings', async () => {
    assert.deepEqual(await extractText(extractor, PATH, '- apiVersion: v1\n  kind: Pod\n'), { warnings: [] });
    assert.deepEqual(await extractText(extractor, PATH, ''), { warnings: [] });
  });
});
