import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../src/core/facts/dvcYaml';
import { YamlSyntaxError } from '../../../src/core/facts/yamlSource';
import { extractText, lines } from './extractStub';

const PATH = 'pipelines/dvc.yaml';

const DVC = [
  'stages:',
  '  prepare:',
  '    cmd: python src/prepare.py data/raw.csv',
  '    deps: [src/prepare.py, data/raw.csv]',
  '    outs:',
  '      - data/prepared',
  '  train:',
  '    cmd:',
  '      - python src/train.py',
  '      - python src/export.py',
  '    deps: [data/prepared]',
  '    params:',
  '      - train.lr',
  '      - configs/model.yaml: [layers, dropout]',
  '      - configs/all.yaml:',
  '    outs:',
  '      - model.pkl: {cache: false}',
  '    metrics:',
  '      - metrics.json: {cache: false}',
  '    plots:',
  '      - plots/roc.csv',
  '      - plots/loss.csv: {x: epoch}',
  '  evaluate:',
  '    foreach: [a, b]',
  '    do:',
  '      cmd: python eval.py ${item}',
  '      outs:',
  '        - eval/${item}.json',
  '  sweep:',
  '    matrix: {lr: [0.1, 0.01]}',
  '    cmd: python train.py --lr ${item.lr}',
  'artifacts:',
  '  churn-model:',
  '    path: model.pkl',
  '    type: model',
];

describe('dvc.yaml extractor', () => {
  it('reads stages, foreach/matrix stages and artifacts', async () => {
    const { dvc } = await extractText(extractor, PATH, lines('\n', ...DVC));
    const stage = { deps: [], outs: [], params: [], metrics: [], plots: [] };
    assert.deepEqual(dvc, [{
      path: PATH,
      artifacts: ['churn-model'],
      stages: [
        {
          ...stage, path: PATH, line: 2, name: 'prepare', cmd: ['python src/prepare.py data/raw.csv'],
          deps: ['src/prepare.py', 'data/raw.csv'], outs: ['data/prepared'],
        },
        {
          path: PATH, line: 7, name: 'train', cmd: ['python src/train.py', 'python src/export.py'],
          deps: ['data/prepared'],
          params: ['train.lr', 'configs/model.yaml', 'layers', 'dropout', 'configs/all.yaml'],
          outs: ['model.pkl'], metrics: ['metrics.json'], plots: ['plots/roc.csv', 'plots/loss.csv'],
        },
        { ...stage, path: PATH, line: 23, name: 'evaluate', cmd: ['python eval.py ${item}'], outs: ['eval/${item}.json'] },
        { ...stage, path: PATH, line: 29, name: 'sweep', cmd: ['python train.py --lr ${item.lr}'] },
      ],
    }]);
  });

  it('gives the same facts for CRLF files', async () => {
    assert.deepEqual(
      await extractText(extractor, PATH, lines('\r\n', ...DVC)),
      await extractText(extractor, PATH, lines('\n', ...DVC)),
    );
  });

  it('throws with the line on invalid YAML', async () => {
    await assert.rejects(
      extractText(extractor, PATH, 'stages:\n  a:\n    cmd: x\n   deps: y\n'),
      (err: unknown) => err instanceof YamlSyntaxError && err.line === 4,
    );
  });

  it('rejects a list at the top level; tolerates odd shapes inside', async () => {
    await assert.rejects(async () => extractText(extractor, PATH, '- stages\n'), /expected a mapping at the top level, found a list/);
    assert.deepEqual(await extractText(extractor, PATH, ''), { warnings: [] });
    const { dvc } = await extractText(extractor, PATH, 'stages: [a]\nartifacts: [b]\n');
    assert.deepEqual(dvc, [{ path: PATH, stages: [], artifacts: [] }]);
    const odd = await extractText(extractor, PATH, 'stages:\n  a: 1\n  b: {cmd: 3, outs: {x: 1}, params: [1, [2]]}\n');
    assert.deepEqual(odd.dvc?.[0].stages, [
      { path: PATH, line: 3, name: 'b', cmd: [], deps: [], outs: [], params: [], metrics: [], plots: [] },
    ]);
  });
});
