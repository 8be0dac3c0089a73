import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../src/core/facts/readmeSteps';
import { extractText, lines } from './extractStub';

const PATH = 'README.md';

const README = [
  '# Churn model',                                            // 1
  '',
  'We use DVC, MLflow and `python train.py` style scripts.',  // 3: prose paragraph, ignored
  '',
  '## Setup',
  '```bash',                                                  // 6
  '$ git clone https://example.com/churn.git && cd churn',
  'pip install -r requirements.txt',
  'conda env create -f environment.yml',
  'python setup.py develop',
  'python -m pip install -e .',
  'bash install.sh',
  '```',
  '',
  '## Usage',
  '1. Open `notebooks/01_explore.ipynb` and run all cells',   // 16
  '2. Run the notebook notebooks/02_features.ipynb',           // 17
  '3. Train:',
  '   ```sh',
  '   # train the model',
  '   (venv) $ CUDA_VISIBLE_DEVICES=0 python3 -u src/train.py --epochs 10', // 21
  '   python -m churn.evaluate',                                // 22
  '   ```',
  '- Then execute the remaining notebooks in order.',           // 24
  '- Deploy with `./scripts/deploy.sh prod`',                   // 25
  '- Run the tests with `pytest` or `python -m pytest tests/test_model.py`',
  '',
  '~~~',
  'jupyter nbconvert --to notebook --execute notebooks/03_report.ipynb', // 29
  'cd src && poetry run python prepare.py',                     // 30
  'docker run churn python serve.py',
  'sh scripts/retrain.sh',                                      // 32
  '~~~',
  '',
  '**Step 4:** run `%run evaluate.py` in IPython',              // 35
];

describe('README manual steps extractor', () => {
  it('finds notebook, script and shell-script steps, not set-up commands or prose', async () => {
    const { manualSteps } = await extractText(extractor, PATH, lines('\n', ...README));
    assert.deepEqual(manualSteps?.map(({ line, kind, text }) => ({ line, kind, text })), [
      { line: 16, kind: 'notebook', text: '1. Open `notebooks/01_explore.ipynb` and run all cells' },
      { line: 17, kind: 'notebook', text: '2. Run the notebook notebooks/02_features.ipynb' },
      { line: 21, kind: 'script', text: '(venv) $ CUDA_VISIBLE_DEVICES=0 python3 -u src/train.py --epochs 10' },
      { line: 22, kind: 'script', text: 'python -m churn.evaluate' },
      { line: 24, kind: 'notebook', text: '- Then execute the remaining notebooks in order.' },
      { line: 25, kind: 'command', text: '- Deploy with `./scripts/deploy.sh prod`' },
      { line: 29, kind: 'notebook', text: 'jupyter nbconvert --to notebook --execute notebooks/03_report.ipynb' },
      { line: 30, kind: 'script', text: 'cd src && poetry run python prepare.py' },
      { line: 32, kind: 'command', text: 'sh scripts/retrain.sh' },
      { line: 35, kind: 'script', text: '**Step 4:** run `%run evaluate.py` in IPython' },
    ]);
    assert.ok(manualSteps?.every((step) => step.path === PATH));
  });

  it('gives the same facts for CRLF files', async () => {
    assert.deepEqual(
      await extractText(extractor, PATH, lines('\r\n', ...README)),
      await extractText(extractor, PATH, lines('\n', ...README)),
    );
  });

  it('finds nothing in an awesome-list', async () => {
    const awesome = lines('\n',
      '# Awesome MLOps',
      '## Workflow',
      '- [DVC](https://dvc.org) - Data version control; run `dvc repro` to reproduce pipelines.',
      '- [Papermill](https://github.com/nteract/papermill) - Parameterize and execute Jupyter notebooks.',
      '- [MLflow](https://mlflow.org) - Track experiments, run projects and serve models.',
      '- [Kedro](https://kedro.org) - Run pipelines written as Python scripts.',
      '- [nbdev](https://nbdev.fast.ai) - Write, test and run notebooks in order to build libraries',
      '* [Airflow](https://airflow.apache.org) - Schedule `python` jobs',
    );
    assert.deepEqual(await extractText(extractor, 'README.md', awesome), { warnings: [] });
  });

  it('reads reStructuredText literal blocks', async () => {
    const rst = lines('\n',
      'Usage',
      '=====',
      '',
      'Prepare the data::',
      '',
      '    python prepare.py',
      '    python train.py',
      '',
      'Then evaluate',
      '',
      '.. code-block:: bash',
      '',
      '   ./evaluate.sh',
      '',
      'python not_in_a_block.py',
    );
    const { manualSteps } = await extractText(extractor, 'docs/README.rst', rst);
    assert.deepEqual(manualSteps, [
      { path: 'docs/README.rst', line: 6, text: 'python prepare.py', kind: 'script' },
      { path: 'docs/README.rst', line: 7, text: 'python train.py', kind: 'script' },
      { path: 'docs/README.rst', line: 13, text: './evaluate.sh', kind: 'command' },
    ]);
  });

  it('caps the text at 200 characters and survives an unclosed fence', async () => {
    const long = `python train.py ${'--flag '.repeat(60)}`;
    const { manualSteps } = await extractText(extractor, PATH, `\`\`\`\n${long}\n`);
    assert.equal(manualSteps?.[0].text, long.trim().slice(0, 200));
    assert.equal(manualSteps?.[0].text.length, 200);
  });
});
