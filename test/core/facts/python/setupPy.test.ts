import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor } from '../../../../src/core/facts/python/setupPy';
import { extractText, lines } from '../extractStub';

const names = (result: { dependencies?: Array<{ name: string; line?: number }> }) =>
  result.dependencies?.map((d) => `${d.line}:${d.name}`);

describe('setup.py extractor', () => {
  it('reads install_requires and extras_require literals without running anything', async () => {
    const text = lines('\n',
      'from setuptools import setup',
      '',
      'setup(',
      '    name="churn",',
      '    install_requires=[',
      '        "numpy==1.26.4",  # pinned',
      "        'pandas>=2',",
      '        # "commented==1.0",',
      '    ],',
      '    extras_require={',
      '        "dev": ["pytest>=8", "ruff==0.3.0"],',
      '        "serve": "fastapi",',
      '    },',
      '    classifiers=["Programming Language :: Python"],',
      ')',
    );
    const result = await extractText(extractor, 'setup.py', text);
    assert.deepEqual(result.dependencies, [
      { path: 'setup.py', line: 6, name: 'numpy', spec: '==1.26.4', pinned: true, source: 'setup.py' },
      { path: 'setup.py', line: 7, name: 'pandas', spec: '>=2', pinned: false, source: 'setup.py' },
      { path: 'setup.py', line: 11, name: 'pytest', spec: '>=8', pinned: false, source: 'setup.py' },
      { path: 'setup.py', line: 11, name: 'ruff', spec: '==0.3.0', pinned: true, source: 'setup.py' },
      { path: 'setup.py', line: 12, name: 'fastapi', spec: '', pinned: false, source: 'setup.py' },
    ]);
  });

  it('follows a module-level list variable once, even when it is also named install_requires', async () => {
    const text = lines('\n',
      'REQUIRED = ["torch>=2", "mlflow"]',
      'install_requires = ("scipy",)',
      'setup(install_requires=install_requires, extras_require=EXTRAS)',
      'setup(**{"install_requires": REQUIRED})',
    );
    assert.deepEqual(names(await extractText(extractor, 'setup.py', text)), ['2:scipy', '1:torch', '1:mlflow']);
  });

  it('ignores comprehensions and calls that read files', async () => {
    const text = lines('\n',
      'setup(',
      '    install_requires=[line.strip() for line in open("requirements.txt")],',
      '    extras_require=parse("extras.txt"),',
      ')',
    );
    assert.deepEqual((await extractText(extractor, 'setup.py', text)).dependencies, []);
  });

  it('survives unbalanced brackets and unterminated strings', async () => {
    const result = await extractText(extractor, 'setup.py', 'setup(install_requires=["numpy", "pandas\n');
    assert.deepEqual(names(result), ['1:numpy', '1:pandas']);
  });
});

describe('setup.cfg extractor', () => {
  it('reads [options] install_requires and [options.extras_require]', async () => {
    const text = lines('\n',
      '[metadata]',
      'name = churn',
      'install_requires = not-this',
      '',
      '[options]',
      'packages = find:',
      'install_requires =',
      '    numpy==1.26.4',
      '    # a comment',
      '',
      '    pandas>=2 ; python_version >= "3.9"',
      'python_requires = >=3.9',
      '',
      '[options.extras_require]',
      'dev =',
      '    pytest',
      'gpu = torch==2.2.0',
    );
    const result = await extractText(extractor, 'setup.cfg', text);
    assert.deepEqual(result.dependencies, [
      { path: 'setup.cfg', line: 8, name: 'numpy', spec: '==1.26.4', pinned: true, source: 'setup.cfg' },
      { path: 'setup.cfg', line: 11, name: 'pandas', spec: '>=2', pinned: false, source: 'setup.cfg' },
      { path: 'setup.cfg', line: 16, name: 'pytest', spec: '', pinned: false, source: 'setup.cfg' },
      { path: 'setup.cfg', line: 17, name: 'torch', spec: '==2.2.0', pinned: true, source: 'setup.cfg' },
    ]);
  });

  it('accepts dashed keys and skips file: directives', async () => {
    const text = lines('\n', '[options]', 'install-requires = file: requirements.txt', 'setup_requires = wheel');
    assert.deepEqual((await extractText(extractor, 'setup.cfg', text)).dependencies, []);
    const dashed = lines('\n', '[options]', 'install-requires =', '  requests');
    assert.deepEqual(names(await extractText(extractor, 'setup.cfg', dashed)), ['3:requests']);
  });
});
