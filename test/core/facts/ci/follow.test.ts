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

  it('reads tox environments from pyproject.toml\'s legacy_tox_ini, on the file\'s own lines; not tox 4\'s native TOML', async () => {
    const pyproject = '[project]\nname = "pkg"\n\n[tool.tox]\nlegacy_tox_ini = """\n[testenv]\ncommands = pytest\n\n[testenv:lint]\ncommands = ruff check .\n"""\n';
    assert.deepEqual(brief(await follow('tox -e lint', { 'pyproject.toml': pyproject, 'setup.cfg': '[metadata]\nname = pkg\n' })), [`pyproject.toml:10 ruff check . <- ${CI}:10`]);
    assert.deepEqual(brief(await follow('tox', { 'pyproject.toml': pyproject })), [`pyproject.toml:7 pytest <- ${CI}:10`, `pyproject.toml:10 ruff check . <- ${CI}:10`]);
    assert.deepEqual(await follow('tox -e lint', { 'pyproject.toml': '[tool.tox.env.lint]\ncommands = [["ruff", "check"]]\n' }), []);
  });

  it('reads only the tox environments `-e` names (`-e a,b`, `-e a -e b`, through `python -m tox`), their factor conditions, `{[testenv]commands}`', async () => {
    const tox = [
      '[tox]',
      'envlist = py{310,311}, lint',
      '',
      '[testenv]',
      'commands =',
      '    pytest {posargs}',
      '    cov: coverage report',
      '',
      '[testenv:lint]',
      'skip_install = true',
      'commands =',
      '    flake8 src',
      '    # pytest --collect-only',
      '',
      '[testenv:docs]',
      'commands = sphinx-build docs out',
      '',
      '[testenv:py{310,311}-integration]',
      'commands =',
      '    {[testenv]commands}',
      '    python -m pytest tests/integration',
    ].join('\n');
    const files = { 'tox.ini': tox };
    const commands = async (command: string) => (await follow(command, files)).map((s) => `${s.line} ${s.command}`);
    assert.deepEqual(await commands('tox -e lint'), ['12 flake8 src']);
    assert.deepEqual(await commands('tox -e lint,docs'), ['12 flake8 src', '16 sphinx-build docs out']);
    assert.deepEqual(await commands('tox -e lint -e docs'), ['12 flake8 src', '16 sphinx-build docs out']);
    assert.deepEqual(await commands('python -m tox --envlist=lint'), ['12 flake8 src']);
    // An environment without a section of its own runs [testenv]'s commands; factor conditions filter them.
    assert.deepEqual(await commands('tox -e py311'), ['6 pytest {posargs}']);
    assert.deepEqual(await commands('tox -e py311-cov'), ['6 pytest {posargs}', '7 coverage report']);
    assert.deepEqual(await commands('tox -e py310-integration'), ['6 pytest {posargs}', '21 python -m pytest tests/integration']);
    // A bare tox runs envlist; `-e` written with a variable is not known here: every environment.
    assert.deepEqual(await commands('tox -- tests/unit'), ['6 pytest {posargs}', '12 flake8 src']);
    assert.deepEqual((await commands('tox -e ${{ matrix.env }}')).length, 5);
  });

  it('marks the tox and nox calls whose configuration was read, in the step and in its other lines\' steps', async () => {
    const files = { 'tox.ini': '[testenv:lint]\ncommands = flake8\n', 'train.py': '' };
    const jobs: CiJob[] = [{ path: CI, line: 5, name: 'test', steps: [{ path: CI, line: 10, command: 'pip install tox\ntox -e lint && pytest\nnox -s tests' }] }];
    await followJobs(jobs, { read: async (path) => files[path as keyof typeof files], exists: (path) => path in files, warn: () => undefined });
    assert.deepEqual(jobs[0].steps[0].followedRunners, [{ line: 1, segment: 0 }]);
    const python: CiJob[] = [{ path: CI, line: 5, name: 'test', steps: [{ path: CI, line: 10, command: 'python train.py; tox -e lint' }] }];
    await followJobs(python, { read: async (path) => files[path as keyof typeof files], exists: (path) => path in files, warn: () => undefined });
    assert.deepEqual(python[0].steps.map((s) => [s.python, s.followedRunners]), [
      [undefined, [{ line: 0, segment: 1 }]],
      ['train.py', [{ line: 0, segment: 1 }]],
      [undefined, undefined],
    ]);
  });

  it('reads nox sessions: `-s`/`--session`/`-e`, every default session for a bare `nox`, nox.options.sessions, notify, helpers', async () => {
    const noxfile = [
      'import nox',
      'from nox import session as nox_session',
      '',
      'nox.options.reuse_existing_virtualenvs = True',
      'PACKAGE = "pkg"',
      '',
      '',
      '@nox.session(python=["3.10", "3.11"])',
      'def tests(session: nox.Session) -> None:',
      '    session.install("-e", ".[test]")',
      '    session.run("pytest", "--cov", PACKAGE, *session.posargs)',
      '    session.notify("coverage")',
      '',
      '',
      '@nox.session(name="lint", tags=["style"])',
      'def lint_code(session):',
      '    session.install("ruff")',
      '    # session.run("pytest")',
      '    session.run(',
      '        "ruff", "check", "src",',
      '    )',
      '',
      '',
      '@nox_session(default=False)',
      'def train(s):',
      '    _train(s, "--epochs", "1")',
      '',
      '',
      'def _train(session, *args):',
      '    session.run("python", "train.py", *args, env={"SEED": "1"})',
      '',
      '',
      '@nox.session',
      'def coverage(session):',
      '    session.run("coverage", "report", "-m", "--fail-under", "80")',
      '    session.run("bash", "-c", "echo done && exit 0")',
      '',
    ].join('\n');
    const files = { 'noxfile.py': noxfile, 'train.py': '' };
    const commands = async (command: string) => (await follow(command, files)).map((s) => `${s.line} ${s.command}${s.python ? ` [${s.python}]` : ''}`);
    assert.deepEqual(await commands('nox -s lint'), ['19 ruff check src']);
    assert.deepEqual(await commands('uvx nox --session=lint'), ['19 ruff check src']);
    assert.deepEqual(await commands('nox -t style'), ['19 ruff check src']);
    // A session parametrized over Python versions is also `tests-3.11`; it notifies coverage.
    assert.deepEqual(await commands('python -m nox -e tests-3.11'), ['11 pytest --cov', '35 coverage report -m --fail-under 80', "36 bash -c 'echo done && exit 0'"]);
    // Several sessions after one -s; a helper function's commands count as the session's.
    assert.deepEqual(await commands('nox -s train lint -- --fast'), ['19 ruff check src', '30 python train.py', '30 python train.py [train.py]']);
    // A bare nox: every session but those marked default=False.
    assert.deepEqual(await commands('pipx run nox'), ['11 pytest --cov', '19 ruff check src', '35 coverage report -m --fail-under 80', "36 bash -c 'echo done && exit 0'"]);
    const listed = `${noxfile}\nnox.options.sessions = ["lint"]\n`;
    assert.deepEqual((await follow('nox', { 'noxfile.py': listed })).map((s) => s.command), ['ruff check src']);
    // A session not in the file, or no noxfile at all: nothing is read.
    assert.deepEqual(await commands('nox -s docs'), []);
    assert.deepEqual(await follow('nox -s lint', {}), []);
    assert.deepEqual((await follow('nox -f ci/noxfile.py -s lint', { 'ci/noxfile.py': noxfile })).map((s) => s.path), ['ci/noxfile.py']);
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
