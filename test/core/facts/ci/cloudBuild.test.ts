import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/ci/cloudBuild';
import { extractText, lines } from '../extractStub';

describe('Cloud Build extractor', () => {
  it('reads builder steps wherever the config is: entrypoint and args, the builder name, scripts', async () => {
    const config = lines('\n',
      'steps:',
      "  - name: '$_CI_IMAGE'",
      '    entrypoint: pytest',
      "    args: ['tests/unit', '-q']",
      '  - name: gcr.io/cloud-builders/gcloud',
      '    args: [run, deploy, api, --image, $_IMAGE]',
      '  - name: gcr.io/google.com/cloudsdktool/cloud-sdk',
      '    entrypoint: bash',
      "    args: ['-c', 'python build/compile.py']",
      '  - name: python:3.11',
      '    script: |',
      '      make test',
      "images: ['$_IMAGE']",
    );
    const { ci } = await extractText(extractor, 'build/ci.yaml', config);
    assert.equal(ci?.[0].system, 'cloud-build');
    assert.deepEqual(ci?.[0].triggers, ['push']);
    assert.deepEqual(ci?.[0].jobs[0].steps.map((s) => [s.line, s.command]), [
      [2, 'pytest tests/unit -q'],
      [5, 'gcloud run deploy api --image $_IMAGE'],
      [7, 'python build/compile.py'],
      [10, 'make test'],
    ]);
  });

  it("reads the project's own builder images named with substitutions, whose shell entrypoint runs `-c` args", async () => {
    const config = lines('\n',
      'steps:',
      "  - name: 'gcr.io/cloud-builders/docker'",
      "    args: ['build', '-t', 'gcr.io/$PROJECT_ID/trainer:${_TAG}', '.']",
      "  - name: 'gcr.io/$PROJECT_ID/pipeline-cli'",
      '    args:',
      "    - '-c'",
      '    - |',
      '      python submit/run_pipeline.py --region=$_REGION',
      "  - name: 'gcr.io/${PROJECT_ID}/tools:${_TAG}'",
      "    entrypoint: 'deploy'",
      "    args: ['-c', 'prod']",
    );
    const { ci } = await extractText(extractor, 'build/cloudbuild_vertex.yaml', config, { 'build/submit/run_pipeline.py': 'import kfp\n' });
    assert.deepEqual(ci?.[0].jobs[0].steps.map((s) => [s.line, s.command, s.python]), [
      [2, 'docker build -t gcr.io/$PROJECT_ID/trainer:${_TAG} .', undefined],
      [4, 'python submit/run_pipeline.py --region=$_REGION', undefined],
      [4, 'python submit/run_pipeline.py --region=$_REGION', 'build/submit/run_pipeline.py'],
      [9, 'deploy -c prod', undefined],
    ]);
  });

  it('leaves other YAML with steps alone: Azure steps, Drone images, plain lists', async () => {
    for (const text of [
      'steps:\n  - script: pytest\n    name: unit\n',
      'steps:\n  - script: pytest\n    name: unit\n    displayName: Unit tests\n    args: [x]\n',
      'kind: pipeline\nsteps:\n  - name: test\n    image: python:3.11\n    commands: [pytest]\n',
      'steps:\n  - name: Read the guide\n    args: [x]\n',
      'steps: []\n',
    ]) {
      assert.deepEqual(await extractText(extractor, 'conf/x.yml', text), { warnings: [] }, text);
    }
  });
});
