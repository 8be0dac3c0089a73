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

test('alarms and dashboards in Terraform; near misses: a commented-out alarm, a log group, an alarm named in a README', async () => {
  const alarm = 'resource "aws_cloudwatch_metric_alarm" "model_latency_p95" {\n  metric_name = "ModelLatency"\n  namespace   = "AWS/SageMaker"\n  threshold   = 500\n}\n';
  assert.deepEqual(await evidenceOf('service-monitoring', { 'infra/monitoring.tf': alarm }), ['terraform-alerts']);
  assert.deepEqual(await evidenceOf('service-monitoring', { 'infra/monitoring.tf': 'resource "google_monitoring_alert_policy" "errors" {\n  display_name = "5xx"\n}\n' }), ['terraform-alerts']);
  assert.deepEqual(await evidenceOf('service-monitoring', { 'infra/monitoring.tf': alarm.replace(/^/gm, '# ') }), []);
  assert.deepEqual(await evidenceOf('service-monitoring', { 'infra/logs.tf': 'resource "aws_cloudwatch_log_group" "api" {\n  retention_in_days = 14\n}\n' }), []);
  assert.deepEqual(await evidenceOf('service-monitoring', { 'README.md': 'Add a `resource "aws_cloudwatch_metric_alarm"` for latency.\n' }), []);
});
