import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/python/condaEnv';
import { YamlSyntaxError } from '../../../../src/core/facts/yamlSource';
import { extractText, lines } from '../extractStub';

const dep = (line: number, name: string, spec: string, pinned: boolean) =>
  ({ path: 'environment.yml', line, name, spec, pinned, source: 'conda' });

describe('conda environment extractor', () => {
  it('reads conda specs and the nested pip list, skipping python and pip options', async () => {
    const text = lines('\n',
      'name: churn',
      'channels:',
      '  - conda-forge',
      'dependencies:',
      '  - python=3.11',
      '  - numpy=1.26.4',
      '  - pandas=2.2',
      '  - conda-forge::scikit-learn==1.4.1',
      '  - pytorch::pytorch=2.2.0=py3.11_cuda12.1_cudnn8_0',
      '  - scipy>=1.11',
      '  - xgboost=2.0.*',
      '  - lightgbm 4.3.0',
      '  - pip',
      '  - pip:',
      '      - -r requirements.txt',
      '      - mlflow==2.11.0',
      '      - "evidently>=0.4"',
    );
    const result = await extractText(extractor, 'environment.yml', text);
    assert.deepEqual(result.dependencies, [
      dep(6, 'numpy', '=1.26.4', true),
      dep(7, 'pandas', '=2.2', false),
      dep(8, 'scikit-learn', '==1.4.1', true),
      dep(9, 'pytorch', '=2.2.0=py3.11_cuda12.1_cudnn8_0', true),
      dep(10, 'scipy', '>=1.11', false),
      dep(11, 'xgboost', '=2.0.*', false),
      dep(12, 'lightgbm', '4.3.0', true),
      dep(13, 'pip', '', false),
      dep(16, 'mlflow', '==2.11.0', true),
      dep(17, 'evidently', '>=0.4', false),
    ]);
  });

  it('yields nothing for a file without a dependencies list', async () => {
    assert.deepEqual(await extractText(extractor, 'conda.yaml', 'name: x\n'), { warnings: [] });
    assert.deepEqual(await extractText(extractor, 'conda.yaml', ''), { warnings: [] });
  });

  it('throws the YAML syntax error of a malformed file', async () => {
    await assert.rejects(
      async () => extractText(extractor, 'environment.yml', 'dependencies:\n  - numpy\n - [bad\n'),
      (err: unknown) => err instanceof YamlSyntaxError && typeof err.line === 'number',
    );
  });
});
