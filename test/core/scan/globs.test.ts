import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Minimatch } from 'minimatch';
import { globMatcher, PathIndex, requiredLiteral } from '../../../src/core/scan/globs';

const PATHS = [
  'Dockerfile', 'deploy/Dockerfile.gpu', 'deploy/api.dockerfile', 'src/train.py', 'src/Train.PY',
  '.github/workflows/ci.yml', 'data/raw.csv.dvc', 'docs/README.md', 'Containerfile',
];

test('indexed lookups give exactly what testing every glob against every path gives', () => {
  const index = new PathIndex(PATHS);
  for (const globs of [
    ['**/Dockerfile', '**/Dockerfile.*', '**/*.dockerfile'],
    ['**/*.py'],
    ['**/*.dvc', '.github/workflows/*.yml'],
    ['**/containerfile'],
    ['src/**'],
  ]) {
    const match = globMatcher(globs);
    assert.deepEqual(index.matching(globs), PATHS.filter((p) => match(p)), globs.join(' '));
  }
});

test('the literal prefilter never rejects a path the glob\'s own regular expression accepts', () => {
  const globs = [
    '**/conf/**/*.yaml', 'dvc.yaml', '**/*config*.y{a,}ml', '**/@(Dockerfile|Containerfile)', 'conf*/x.txt',
    '**/requirements/*.txt', 'a/**', '**/{src,lib}/**/train*.py', '**/[Dd]ocker*', '**/x/{a,{b,c}}/y.txt', '.github/workflows/*.y?ml',
  ];
  const paths = [
    'conf/a.yaml', 'x/conf/b/c.yaml', 'dvc.yaml', 'sub/dvc.yaml', 'App.Config.YML', 'Dockerfile', 'svc/Containerfile', 'conftest/x.txt',
    'requirements/dev.txt', 'a', 'a/b', 'src/m/train_x.py', 'lib/train.py', 'Dockerfile.gpu', 'x/b/y.txt', '.github/workflows/ci.yml',
  ];
  for (const glob of globs) {
    const reference = new Minimatch(glob, { dot: true, nocase: true }).makeRe() as RegExp;
    for (const path of paths) assert.equal(globMatcher([glob])(path), reference.test(path), `${glob} on ${path}`);
  }
  assert.equal(requiredLiteral('**/conf/**/*.yaml'), '/conf/');
  assert.equal(requiredLiteral('**/x/{a,{b,c}}/y.txt'), undefined);
  assert.equal(requiredLiteral('!**/*.py'), undefined);
});
