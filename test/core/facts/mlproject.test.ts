import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../src/core/facts/mlproject';
import { YamlSyntaxError } from '../../../src/core/facts/yamlSource';
import { extractText, lines } from './extractStub';

const PATH = 'MLproject';

const PROJECT = [
  'name: churn',
  'python_env: python_env.yaml',
  'entry_points:',
  '  main:',
  '    parameters:',
  '      alpha: {type: float, default: 0.5}',
  '      data: path',
  '    command: "python train.py --alpha {alpha} --data {data}"',
  '  validate:',
  '    command: python validate.py',
  '  broken: {parameters: {a: 1}}',
];

describe('MLproject extractor', () => {
  it('reads name, environment and entry points', async () => {
    const { mlprojects } = await extractText(extractor, PATH, lines('\n', ...PROJECT));
    assert.deepEqual(mlprojects, [{
      path: PATH,
      name: 'churn',
      environment: 'python',
      entryPoints: [
        { path: PATH, line: 4, name: 'main', command: 'python train.py --alpha {alpha} --data {data}', parameters: ['alpha', 'data'] },
        { path: PATH, line: 9, name: 'validate', command: 'python validate.py', parameters: [] },
      ],
    }]);
  });

  it('gives the same facts for CRLF files', async () => {
    assert.deepEqual(
      await extractText(extractor, PATH, lines('\r\n', ...PROJECT)),
      await extractText(extractor, PATH, lines('\n', ...PROJECT)),
    );
  });

  it('recognises conda and docker environments, and none', async () => {
    const conda = await extractText(extractor, 'sub/MLproject', 'conda_env: conda.yaml\n');
    assert.deepEqual(conda.mlprojects, [{ path: 'sub/MLproject', environment: 'conda', entryPoints: [] }]);
    const docker = await extractText(extractor, PATH, 'docker_env:\n  image: my-image\n');
    assert.equal(docker.mlprojects?.[0].environment, 'docker');
    const none = await extractText(extractor, PATH, 'name: 3\n');
    assert.deepEqual(none.mlprojects, [{ path: PATH, entryPoints: [] }]);
  });

  it('throws with the line on invalid YAML', async () => {
    await assert.rejects(
      extractText(extractor, PATH, 'name: a\nentry_points:\n  main:\n    command: x\n   parameters: y\n'),
      (err: unknown) => err instanceof YamlSyntaxError && err.line === 5,
    );
  });

  it('rejects a list at the top level; tolerates odd shapes inside', async () => {
    await assert.rejects(async () => extractText(extractor, PATH, '- name\n'), /expected a mapping at the top level, found a list/);
    const { mlprojects } = await extractText(extractor, PATH, 'entry_points: [main]\n');
    assert.deepEqual(mlprojects, [{ path: PATH, entryPoints: [] }]);
  });
});
