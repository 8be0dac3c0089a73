import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/python/pyproject';
import { TomlSyntaxError } from '../../../../src/core/facts/python/tomlSource';
import { extractText, lines } from '../extractStub';

const PATH = 'pyproject.toml';
const dep = (line: number, name: string, spec: string, pinned: boolean) =>
  ({ path: PATH, line, name, spec, pinned, source: 'pyproject' });

describe('pyproject.toml extractor', () => {
  it('reads PEP 621 dependencies and optional dependencies', async () => {
    const text = lines('\n',
      '[project]',
      'name = "churn"',
      'dependencies = [',
      '  "numpy==1.26.4",',
      "  'pandas>=2',",
      '  "mlflow[extras]==2.11.0; python_version >= \'3.9\'",',
      ']',
      '',
      '[project.optional-dependencies]',
      'dev = ["pytest>=8", "ruff==0.3.0"]',
    );
    const result = await extractText(extractor, PATH, text);
    assert.deepEqual(result.dependencies, [
      dep(4, 'numpy', '==1.26.4', true),
      dep(5, 'pandas', '>=2', false),
      dep(6, 'mlflow', '==2.11.0', true),
      dep(10, 'pytest', '>=8', false),
      dep(10, 'ruff', '==0.3.0', true),
    ]);
  });

  it('reads Poetry dependencies, groups and dev-dependencies, skipping python', async () => {
    const text = lines('\n',
      '[tool.poetry]',
      'name = "churn"',
      '',
      '[tool.poetry.dependencies]',
      'python = "^3.11"',
      'numpy = "1.26.4"',
      'pandas = "^2.2"',
      '"scikit-learn" = { version = "==1.4.1", optional = true }',
      'torch = [',
      '  { version = "2.2.0", platform = "linux" },',
      '  { version = "2.2.0", platform = "darwin" },',
      ']',
      'featurestore = { git = "https://github.com/org/fs.git", rev = "0123456789abcdef0123456789abcdef01234567" }',
      'local = { path = "../local", develop = true }',
      'anything = "*"',
      'xgboost = "2.0.*"',
      '',
      '[tool.poetry.group.test.dependencies]',
      'pytest = "~8.0"',
      '',
      '[tool.poetry.dev-dependencies]',
      'black = "=24.2.0"',
    );
    const result = await extractText(extractor, PATH, text);
    assert.deepEqual(result.dependencies, [
      dep(6, 'numpy', '1.26.4', true),
      dep(7, 'pandas', '^2.2', false),
      dep(8, 'scikit-learn', '==1.4.1', true),
      dep(9, 'torch', '2.2.0 || 2.2.0', true),
      dep(13, 'featurestore', '@git+https://github.com/org/fs.git@0123456789abcdef0123456789abcdef01234567', true),
      dep(14, 'local', '@../local', false),
      dep(15, 'anything', '', false),
      dep(16, 'xgboost', '2.0.*', false),
      dep(22, 'black', '=24.2.0', true),
      dep(19, 'pytest', '~8.0', false),
    ]);
  });

  it('reads PDM and uv dev dependencies and PEP 735 dependency groups', async () => {
    const text = lines('\n',
      '[tool.pdm.dev-dependencies]',
      'lint = ["ruff==0.3.0"]',
      'local = ["-e file:///${PROJECT_ROOT}/libs/core#egg=core"]',
      '',
      '[tool.uv]',
      'dev-dependencies = ["pytest==8.1.1"]',
      '',
      '[dependency-groups]',
      'test = ["coverage>=7", { include-group = "lint" }]',
    );
    const result = await extractText(extractor, PATH, text);
    assert.deepEqual(result.dependencies, [
      dep(2, 'ruff', '==0.3.0', true),
      dep(3, 'core', '@file:///${PROJECT_ROOT}/libs/core#egg=core', false),
      dep(6, 'pytest', '==8.1.1', true),
      dep(9, 'coverage', '>=7', false),
    ]);
  });

  it('finds lines in dotted and inline tables without headers', async () => {
    const text = lines('\n',
      'project.name = "x"',
      'tool.poetry.dependencies.numpy = "^1"',
      'project.dependencies = ["scipy"]',
    );
    const result = await extractText(extractor, PATH, text);
    assert.deepEqual(result.dependencies, [dep(3, 'scipy', '', false), dep(2, 'numpy', '^1', false)]);
  });

  it('finds the line of a string with escaped quotes', async () => {
    const text = lines('\n', '[project]', 'dependencies = [', '  "tomli>=2 ; python_version < \\"3.11\\"",', ']');
    const result = await extractText(extractor, PATH, text);
    assert.deepEqual(result.dependencies, [dep(3, 'tomli', '>=2', false)]);
  });

  it('yields nothing for a pyproject without dependencies', async () => {
    const result = await extractText(extractor, PATH, '[tool.ruff]\nline-length = 100\n');
    assert.deepEqual(result.dependencies, []);
  });

  it('throws a syntax error naming the line of malformed TOML', async () => {
    const text = lines('\n', '[project]', 'name = "x"', 'dependencies = ["numpy"', '[tool.x]');
    await assert.rejects(async () => extractText(extractor, PATH, text), (err: unknown) => {
      assert.ok(err instanceof TomlSyntaxError);
      assert.equal(err.line, 4);
      assert.match(err.message, /^invalid TOML at line 4, column \d+: /);
      return true;
    });
  });
});
