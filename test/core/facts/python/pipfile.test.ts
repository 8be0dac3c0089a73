import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/python/pipfile';
import { TomlSyntaxError } from '../../../../src/core/facts/python/tomlSource';
import { extractText, lines } from '../extractStub';

const dep = (line: number, name: string, spec: string, pinned: boolean) =>
  ({ path: 'Pipfile', line, name, spec, pinned, source: 'pipfile' });

describe('Pipfile extractor', () => {
  it('reads [packages] and [dev-packages] with Pipenv pin rules', async () => {
    const text = lines('\n',
      '[[source]]',
      'url = "https://pypi.org/simple"',
      '',
      '[packages]',
      'numpy = "==1.26.4"',
      'pandas = "*"',
      'Scikit_Learn = ">=1.4"',
      'torch = {version = "==2.2.0", index = "pytorch"}',
      'mylib = {git = "https://github.com/org/mylib.git", ref = "0123456789abcdef0123456789abcdef01234567"}',
      'localpkg = {path = ".", editable = true}',
      '',
      '[dev-packages]',
      'pytest = "1.2"',
      '',
      '[requires]',
      'python_version = "3.11"',
    );
    const result = await extractText(extractor, 'Pipfile', text);
    assert.deepEqual(result.dependencies, [
      dep(5, 'numpy', '==1.26.4', true),
      dep(6, 'pandas', '', false),
      dep(7, 'scikit-learn', '>=1.4', false),
      dep(8, 'torch', '==2.2.0', true),
      dep(9, 'mylib', '@git+https://github.com/org/mylib.git@0123456789abcdef0123456789abcdef01234567', true),
      dep(10, 'localpkg', '@.', false),
      dep(13, 'pytest', '1.2', false),
    ]);
  });

  it('throws a syntax error with the line of malformed TOML', async () => {
    await assert.rejects(
      async () => extractText(extractor, 'Pipfile', '[packages]\nnumpy = \n'),
      (err: unknown) => err instanceof TomlSyntaxError && err.line === 2,
    );
  });
});
