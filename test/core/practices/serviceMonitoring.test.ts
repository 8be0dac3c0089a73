/** Prometheus scraping of Kubernetes workloads and TF Serving's metrics endpoint: positive cases and near misses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceOf, notebook } from './detect';

const deployment = (annotation: string) => [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: churn-model}',
  'spec:',
  '  template:',
  '    metadata:',
  '      annotations:',
  `        ${annotation}`,
  '        prometheus.io/port: "8080"',
  '    spec:',
  '      containers: [{name: model, image: team/churn-model:1.0}]',
].join('\n');

test('Prometheus scrape annotations on a workload, and TF Serving\'s Prometheus config, are service monitoring', async () => {
  assert.deepEqual(await evidenceOf('service-monitoring', { 'k8s/model.yaml': deployment('prometheus.io/scrape: "true"') }), ['prometheus-scrape-annotation']);
  const tfServing = {
    'serving/monitoring_config.txt': 'prometheus_config {\n  enable: true,\n  path: "/monitoring/prometheus/metrics"\n}\n',
  };
  assert.deepEqual(await evidenceOf('service-monitoring', tfServing), ['tf-serving-prometheus-config']);
});

test('manifests written from notebook code count; the same text in a markdown cell does not', async () => {
  const code = notebook(`service = """\napiVersion: v1\nkind: Service\nmetadata:\n  annotations:\n    prometheus.io/scrape: "true"\n"""\n`);
  assert.deepEqual(await evidenceOf('service-monitoring', { 'deploy.ipynb': code }), ['prometheus-scrape-annotation']);
  const prose = JSON.stringify({
    cells: [{ cell_type: 'markdown', metadata: {}, source: ['Add `prometheus.io/scrape: "true"` to scrape the server,\n', 'and `prometheus_config {` to TF Serving.\n'] }],
    metadata: {}, nbformat: 4, nbformat_minor: 5,
  }, null, 1);
  assert.deepEqual(await evidenceOf('service-monitoring', { 'guide.ipynb': prose }), []);
});

test('near miss: scraping switched off, a commented-out annotation, a README, a vendored package', async () => {
  const tree = {
    'k8s/off.yaml': deployment('prometheus.io/scrape: "false"'),
    'k8s/commented.yaml': deployment('# prometheus.io/scrape: "true"'),
    'README.md': 'Set `prometheus.io/scrape: "true"` on the pod.\n',
    'ks_app/vendor/kubeflow/core/ambassador.json': '{"metadata": {"annotations": {"prometheus.io/scrape": "true"}}}',
  };
  assert.deepEqual(await evidenceOf('service-monitoring', tree), []);
});
