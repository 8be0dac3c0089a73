import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  declaredConstraint, isExactSpec, normalizeDistName, parseRequirement, stripComment,
} from '../../../../src/core/facts/python/requirementName';

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('normalizeDistName', () => {
  it('lower-cases and collapses runs of - _ . into one dash (PEP 503)', () => {
    assert.equal(normalizeDistName('Scikit_Learn'), 'scikit-learn');
    assert.equal(normalizeDistName('zope.interface'), 'zope-interface');
    assert.equal(normalizeDistName('a-_.b'), 'a-b');
  });
});

describe('isExactSpec', () => {
  it('accepts == without wildcard and ===', () => {
    assert.equal(isExactSpec('==1.2.3'), true);
    assert.equal(isExactSpec('== 1.2'), true);
    assert.equal(isExactSpec('===1.0-custom'), true);
    assert.equal(isExactSpec('>=1,==1.4'), true);
  });

  it('rejects ranges, wildcards and empty specs', () => {
    assert.equal(isExactSpec('==1.2.*'), false);
    assert.equal(isExactSpec('>=1.2'), false);
    assert.equal(isExactSpec('~=1.2'), false);
    assert.equal(isExactSpec(''), false);
  });
});

describe('stripComment', () => {
  it('drops a comment at the start or after whitespace, keeping #egg=', () => {
    assert.equal(stripComment('numpy==1.0  # fast'), 'numpy==1.0 ');
    assert.equal(stripComment('# all of it'), '');
    assert.equal(stripComment('git+https://x/y.git#egg=y'), 'git+https://x/y.git#egg=y');
  });
});

describe('parseRequirement', () => {
  it('reads name and specifier, normalising the name', () => {
    assert.deepEqual(parseRequirement('Scikit_Learn>=1.3,<2'), { name: 'scikit-learn', spec: '>=1.3,<2', pinned: false });
    assert.deepEqual(parseRequirement('numpy==1.26.4'), { name: 'numpy', spec: '==1.26.4', pinned: true });
    assert.deepEqual(parseRequirement('pandas'), { name: 'pandas', spec: '', pinned: false });
  });

  it('drops extras, environment markers and comments', () => {
    assert.deepEqual(
      parseRequirement('requests[security, socks] == 2.31.0 ; python_version >= "3.8"  # http'),
      { name: 'requests', spec: '== 2.31.0', pinned: true },
    );
    assert.deepEqual(parseRequirement('torch;sys_platform=="linux"'), { name: 'torch', spec: '', pinned: false });
  });

  it('accepts the parenthesised specifier form', () => {
    assert.deepEqual(parseRequirement('six (>=1.10)'), { name: 'six', spec: '>=1.10', pinned: false });
  });

  it('does not pin wildcard equality', () => {
    assert.deepEqual(parseRequirement('numpy==1.26.*'), { name: 'numpy', spec: '==1.26.*', pinned: false });
  });

  it('reads name @ url direct references; pinned only by a VCS commit', () => {
    assert.deepEqual(
      parseRequirement(`mylib @ git+https://github.com/org/mylib.git@${SHA} ; python_version>"3"`),
      { name: 'mylib', spec: `@git+https://github.com/org/mylib.git@${SHA}`, pinned: true },
    );
    assert.deepEqual(
      parseRequirement('mylib@git+https://github.com/org/mylib.git@main'),
      { name: 'mylib', spec: '@git+https://github.com/org/mylib.git@main', pinned: false },
    );
    assert.deepEqual(
      parseRequirement('torch @ https://download.pytorch.org/whl/torch-2.2.0-cp311-linux_x86_64.whl'),
      { name: 'torch', spec: '@https://download.pytorch.org/whl/torch-2.2.0-cp311-linux_x86_64.whl', pinned: false },
    );
  });

  it('names bare URLs from #egg= or a wheel file name', () => {
    assert.deepEqual(
      parseRequirement(`git+ssh://git@github.com/org/Feature_Store.git@${SHA}#egg=Feature_Store`),
      { name: 'feature-store', spec: `@git+ssh://git@github.com/org/Feature_Store.git@${SHA}#egg=Feature_Store`, pinned: true },
    );
    assert.deepEqual(
      parseRequirement('./wheels/my_pkg-0.1.0-py3-none-any.whl'),
      { name: 'my-pkg', spec: '@./wheels/my_pkg-0.1.0-py3-none-any.whl', pinned: false },
    );
  });

  it('leaves a path that names no distribution nameless', () => {
    assert.deepEqual(parseRequirement('.'), { spec: '@.', pinned: false });
    assert.deepEqual(parseRequirement('./libs/featurestore'), { spec: '@./libs/featurestore', pinned: false });
  });

  it('returns undefined for blank lines, comments and non-requirements', () => {
    assert.equal(parseRequirement('   '), undefined);
    assert.equal(parseRequirement('# numpy==1.0'), undefined);
    assert.equal(parseRequirement('numpy 1.2'), undefined);
    assert.equal(parseRequirement('torch=={version}'), undefined);
    assert.equal(parseRequirement('-flag'), undefined);
  });

  it('stays linear on long runs of whitespace', () => {
    const started = Date.now();
    assert.equal(parseRequirement(`a${' '.repeat(100_000)}x`), undefined);
    assert.deepEqual(parseRequirement(`git+https://h/r.git${' '.repeat(100_000)}x`), { spec: '@git+https://h/r.git', pinned: false });
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });
});

describe('declaredConstraint', () => {
  const exact = (version: string) => version.startsWith('==');

  it('reads version strings and tables', () => {
    assert.deepEqual(declaredConstraint('==1.0', exact), { spec: '==1.0', pinned: true });
    assert.deepEqual(declaredConstraint('*', exact), { spec: '', pinned: false });
    assert.deepEqual(declaredConstraint({ version: '>=2', extras: ['x'] }, exact), { spec: '>=2', pinned: false });
  });

  it('pins git sources only by commit, never paths or URLs', () => {
    assert.deepEqual(
      declaredConstraint({ git: 'https://github.com/org/lib.git', rev: SHA }, exact),
      { spec: `@git+https://github.com/org/lib.git@${SHA}`, pinned: true },
    );
    assert.deepEqual(
      declaredConstraint({ git: 'https://github.com/org/lib.git', branch: 'main' }, exact),
      { spec: '@git+https://github.com/org/lib.git@main', pinned: false },
    );
    assert.deepEqual(declaredConstraint({ path: '../lib', develop: true }, exact), { spec: '@../lib', pinned: false });
  });

  it('treats anything else as unconstrained', () => {
    assert.deepEqual(declaredConstraint(42, exact), { spec: '', pinned: false });
  });
});
