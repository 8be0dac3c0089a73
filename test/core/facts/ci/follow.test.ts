import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandLines, followJobs } from '../../../../src/core/facts/ci/follow';
import type { CiJob, CiStep } from '../../../../src/core/model/facts';

const CI = '.github/workflows/ci.yml';

/** Follow one CI step (`command` at line 10 of the workflow) through the given repository files. */
async function follow(command: string, files: Record<string, string>, base = ''): Promise<CiStep[]> {
  const jobs: CiJob[] = [{ path: CI, line: 5, name: 'test', steps: [{ path: CI, line: 10, command }] }];
  await followJobs(jobs, {
    read: async (path) => files[path],
    exists: (path) => path in files,
    warn: () => undefined,
  }, base);
  return jobs[0].steps.slice(1);
}

const brief = (steps: CiStep[]) => steps.map((s) => `${s.path}:${s.line} ${s.command ?? ''}${s.python ? ` [${s.python}]` : ''}${s.via ? ` <- ${s.via.path}:${s.via.line}` : ''}`);

describe('following CI steps into the repository', () => {
  it('reads make targets: prerequisites first, variables expanded, $(MAKE) calls followed', async () => {
    const makefile = [
      'PYTHON ?= python3',
      '.PHONY: test lint unit',
      'lint:',
      '\truff check .',
      'unit:',
      '\t# pytest -x is too slow',
      '\t@$(PYTHON) -m pytest -q',
      'test: lint',
      '\t$(MAKE) unit',
      'other:',
      '\tpython train.py',
    ].join('\n');
    assert.deepEqual(brief(await follow('make test', { Makefile: makefile })), [
      `Makefile:4 ruff check . <- Makefile:8`,
      `Makefile:9 $(MAKE) unit <- ${CI}:10`,
      `Makefile:7 python3 -m pytest -q <- Makefile:9`,
    ]);
  });

  it('runs the default target for a bare `make`, in the folder `-C` names', async () => {
    const steps = await follow('cd app && make', { 'app/Makefile': 'all:\n\tpytest\nlater:\n\tpython train.py\n' });
    assert.deepEqual(brief(steps), [`app/Makefile:2 pytest <- ${CI}:10`]);
    assert.deepEqual(brief(await follow('make -C app later', { 'app/Makefile': 'later:\n\tpython x.py\n', 'app/x.py': '' })), [
      `app/Makefile:2 python x.py <- ${CI}:10`,
      `app/Makefile:2 python x.py [app/x.py] <- ${CI}:10`,
    ]);
  });

  it('reads shell scripts run as `bash x.sh`, `./x.sh` or `source`, skipping comments', async () => {
    const script = '#!/bin/bash\nset -e\n# pytest tests/slow\npytest tests \\\n  --quiet\n';
    for (const command of ['bash -e scripts/test.sh', './scripts/test.sh', 'source scripts/test.sh', 'chmod +x scripts/test.sh; scripts/test.sh']) {
      assert.deepEqual(brief(await follow(command, { 'scripts/test.sh': script })), [
        `scripts/test.sh:2 set -e <- ${CI}:10`,
        `scripts/test.sh:4 pytest tests  --quiet <- ${CI}:10`,
      ], command);
    }
  });

  it('follows a job spec named on the command line into the script its entrypoint runs', async () => {
    const files = {
      'deploy/job.yaml': 'name: train\nentrypoint: bash deploy/run.sh\nruntime_env: {working_dir: .}\n',
      'deploy/run.sh': 'python src/train.py --epochs 10\n',
      'src/train.py': 'import torch\n',
    };
    assert.deepEqual(brief(await follow('anyscale job submit deploy/job.yaml --wait', files)), [
      `deploy/job.yaml:2 bash deploy/run.sh <- ${CI}:10`,
      `deploy/run.sh:1 python src/train.py --epochs 10 <- deploy/job.yaml:2`,
      `deploy/run.sh:1 python src/train.py --epochs 10 [src/train.py] <- deploy/job.yaml:2`,
    ]);
  });

  it('does not follow a file a command only prints, copies or names in a comment', async () => {
    const files = {
      'job.yaml': 'command: python train.py\n', 'test.sh': 'pytest\n', Makefile: 'test:\n\tpytest\n',
      'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n', '.github/workflows/deploy.yml': 'on: workflow_dispatch\njobs: {d: {steps: [{run: kubectl apply -f k8s}]}}\n',
    };
    for (const command of [
      'echo "see job.yaml"', 'cat job.yaml', '# make test', '# ./test.sh', 'git add test.sh', 'dvc pull dvc.yaml',
      'yamllint job.yaml', 'actionlint .github/workflows/deploy.yml', 'python validate.py .github/workflows/deploy.yml',
    ]) {
      assert.deepEqual(await follow(command, files), [], command);
    }
  });

  it('reads tox environments\' commands', async () => {
    const tox = '[tox]\nenvlist = py311\n\n[testenv]\ndeps = pytest\ncommands =\n    pytest {posargs}\n    python -m scripts.evaluate\n';
    const steps = await follow('tox -e py311', { 'tox.ini': tox, 'scripts/evaluate.py': '' });
    assert.deepEqual(brief(steps), [
      `tox.ini:7 pytest {posargs} <- ${CI}:10`,
      `tox.ini:8 python -m scripts.evaluate <- ${CI}:10`,
      `tox.ini:8 python -m scripts.evaluate [scripts/evaluate.py] <- ${CI}:10`,
    ]);
  });

  it('reads tox environments declared in setup.cfg when there is no tox.ini; not a setup.cfg without [tox:tox]', async () => {
    const cfg = '[metadata]\nname = pkg\n\n[tox:tox]\nenvlist = py311\n\n[testenv]\ncommands =\n    pytest tests\n';
    assert.deepEqual(brief(await follow('tox', { 'setup.cfg': cfg })), [`setup.cfg:9 pytest tests <- ${CI}:10`]);
    // tox.ini wins over setup.cfg, as tox reads it first.
    assert.deepEqual(brief(await follow('tox', { 'setup.cfg': cfg, 'tox.ini': '[testenv]\ncommands = nox\n' })), [`tox.ini:2 nox <- ${CI}:10`]);
    const noTox = '[metadata]\nname = pkg\n\n[testenv]\ncommands =\n    pytest tests\n';
    assert.deepEqual(brief(await follow('tox', { 'setup.cfg': noTox })), []);
  });

  it('starts a step with its own working directory there', async () => {
    const jobs: CiJob[] = [{ path: CI, line: 5, name: 'test', steps: [{ path: CI, line: 10, command: 'make test', dir: './app' }] }];
    const files: Record<string, string> = { 'app/Makefile': 'test:\n\tpytest\n', Makefile: 'test:\n\techo root\n' };
    await followJobs(jobs, { read: async (path) => files[path], exists: (path) => path in files, warn: () => undefined });
    assert.deepEqual(brief(jobs[0].steps.slice(1)), [`app/Makefile:2 pytest <- ${CI}:10`]);
  });

  it('finds the Python file a command runs: a script, `-m` module (also under src/), through runners', async () => {
    const files = { 'train.py': '', 'src/pkg/cli/__main__.py': '', 'pipelines/build.py': '' };
    const python = async (command: string) => (await follow(command, files)).map((s) => s.python);
    assert.deepEqual(await python('python train.py --fast'), ['train.py']);
    assert.deepEqual(await python('uv run python -u train.py'), ['train.py']);
    assert.deepEqual(await python('python -m pkg.cli'), ['src/pkg/cli/__main__.py']);
    assert.deepEqual(await python('export X=1\npython3 -m pipelines.build'), ['pipelines/build.py']);
    assert.deepEqual(await python('python -m pytest'), []);
    assert.deepEqual(await python('python -c "import train"'), []);
  });

  it('resolves files from a sub-project\'s root and from ${{ github.workspace }}', async () => {
    const steps = await follow('bash ${{ github.workspace }}/ci.sh', { 'sample/ci.sh': 'pytest\n' }, 'sample');
    assert.deepEqual(brief(steps), [`sample/ci.sh:1 pytest <- ${CI}:10`]);
  });

  it('ends cycles and stops at the depth bound', async () => {
    const files = { 'a.sh': 'bash b.sh\n', 'b.sh': 'bash a.sh\npytest\n' };
    assert.deepEqual(brief(await follow('bash a.sh', files)), [
      `a.sh:1 bash b.sh <- ${CI}:10`,
      `b.sh:1 bash a.sh <- a.sh:1`,
      `b.sh:2 pytest <- a.sh:1`,
    ]);
    const chain = { '1.sh': 'bash 2.sh\n', '2.sh': 'bash 3.sh\n', '3.sh': 'bash 4.sh\n', '4.sh': 'pytest\n' };
    assert.deepEqual(brief(await follow('bash 1.sh', chain)).map((s) => s.split(' ')[0]), ['1.sh:1', '2.sh:1', '3.sh:1']);
    const makeCycle = { Makefile: 'a: b\n\techo a\nb: a\n\techo b\n' };
    assert.deepEqual(brief(await follow('make a', makeCycle)), [`Makefile:4 echo b <- Makefile:1`, `Makefile:2 echo a <- ${CI}:10`]);
  });

  it('splits commands into logical lines without comments', () => {
    assert.deepEqual(commandLines('# pytest -q\npip install x \\\n  y\n\n  # make test\nmake lint'), ['pip install x    y', 'make lint']);
  });
});
