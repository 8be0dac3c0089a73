import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/ci/codeBuild';
import { extractText, lines } from '../extractStub';

describe('CodeBuild buildspec extractor', () => {
  it('reads the phases\' commands of a buildspec anywhere, in phase order', async () => {
    const buildspec = lines('\n',
      'version: 0.2',
      'phases:',
      '  build:',
      '    commands:',
      '      - python model/run_pipeline.py',
      '  install:',
      '    commands:',
      '      - pip install -r requirements.txt',
      '      # - pytest',
      '    finally:',
      '      - echo done',
      'artifacts: {files: [out.json]}',
    );
    const { ci } = await extractText(extractor, 'model/buildspec.yml', buildspec);
    assert.equal(ci?.[0].system, 'codebuild');
    assert.deepEqual(ci?.[0].jobs.map((j) => [j.name, j.steps.map((s) => s.command)]), [
      ['install', ['pip install -r requirements.txt', 'echo done']],
      ['build', ['python model/run_pipeline.py']],
    ]);
  });

  it('needs a version and phases with commands', async () => {
    assert.deepEqual(await extractText(extractor, 'x.yml', 'phases:\n  build:\n    commands: [make]\n'), { warnings: [] });
    assert.deepEqual(await extractText(extractor, 'x.yml', 'version: 1\nphases:\n  - build\n'), { warnings: [] });
  });
});
