import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeFileHost } from '../../../src/core/host/nodeFileHost';
import { walk, type WalkOptions } from '../../../src/core/scan/walk';
import { tempDir } from '../../helpers/paths';

const OPTIONS: WalkOptions = { excludes: [], maxFiles: 1000, maxDepth: 64, maxIgnoreFileBytes: 65536 };

function tree(files: Record<string, string>): { path: string; dispose(): void } {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir.path, path, '..'), { recursive: true });
    writeFileSync(join(dir.path, path), text);
  }
  return dir;
}

test('honours root and nested .gitignore files with gitignore semantics', async () => {
  const dir = tree({
    '.gitignore': 'data/\n*.log\n!keep.log\n',
    'data/raw.csv': 'x',
    'train.log': 'x',
    'keep.log': 'x',
    'src/.gitignore': 'generated_*.py\n/local.py\n',
    'src/generated_a.py': 'x',
    'src/local.py': 'x',
    'src/pkg/local.py': 'x',
    'src/train.py': 'x',
  });
  try {
    const result = await walk(createNodeFileHost(dir.path), OPTIONS);
    assert.deepEqual(result.files.map((f) => f.path), [
      '.gitignore', 'keep.log', 'src/.gitignore', 'src/pkg/local.py', 'src/train.py',
    ]);
    assert.deepEqual(result.warnings, []);
  } finally {
    dir.dispose();
  }
});

test('a deeper .gitignore decides over a shallower one: its negation re-includes a file the root ignores, its pattern ignores one the root re-includes', async () => {
  const dir = tree({
    '.gitignore': '*.yaml\n!params.yaml\n',
    'pipeline/.gitignore': '!dvc.yaml\nparams.yaml\n',
    'pipeline/dvc.yaml': 'stages: {}',
    'pipeline/params.yaml': 'lr: 1',
    'pipeline/other.yaml': 'x: 1',
    'params.yaml': 'lr: 1',
  });
  try {
    const result = await walk(createNodeFileHost(dir.path), OPTIONS);
    assert.deepEqual(result.files.map((f) => f.path), ['.gitignore', 'params.yaml', 'pipeline/.gitignore', 'pipeline/dvc.yaml']);
    // The user's excludes are not re-included by any .gitignore.
    const excluded = await walk(createNodeFileHost(dir.path), { ...OPTIONS, excludes: ['dvc.yaml'] });
    assert.deepEqual(excluded.files.map((f) => f.path), ['.gitignore', 'params.yaml', 'pipeline/.gitignore']);
  } finally {
    dir.dispose();
  }
});

test('skips VCS internals, virtualenvs, caches and user excludes; notes .git without reading it', async () => {
  const dir = tree({
    '.git/HEAD': 'ref: refs/heads/main',
    '.git/config': '[core]\n',
    'node_modules/x/index.js': 'x',
    'env/pyvenv.cfg': 'home = /usr',
    'env/lib/x.py': 'x',
    'src/__pycache__/a.pyc': 'x',
    '.dvc/cache/ab/cdef': 'x',
    '.dvc/config': '[core]',
    'legacy/old.py': 'x',
    'train.py': 'x',
  });
  try {
    const result = await walk(createNodeFileHost(dir.path), { ...OPTIONS, excludes: ['legacy/'] });
    assert.equal(result.hasGit, true);
    assert.deepEqual(result.files.map((f) => f.path), ['.dvc/config', '.git', 'train.py']);
  } finally {
    dir.dispose();
  }
});

test('never follows symlinked folders or links leaving the root; follows file links inside it', async () => {
  const outside = tree({ 'secret.py': 'x' });
  const dir = tree({ 'src/train.py': 'print(1)' });
  try {
    symlinkSync(dir.path, join(dir.path, 'src', 'loop'));
    symlinkSync(join(outside.path, 'secret.py'), join(dir.path, 'escape.py'));
    symlinkSync(join(dir.path, 'src', 'train.py'), join(dir.path, 'alias.py'));
    symlinkSync(join(dir.path, 'missing.py'), join(dir.path, 'dangling.py'));
    const result = await walk(createNodeFileHost(dir.path), OPTIONS);
    assert.deepEqual(result.files.map((f) => f.path), ['alias.py', 'src/train.py']);
    assert.deepEqual(result.warnings.map((w) => [w.code, w.path]), [
      ['symlink-skipped', 'escape.py'],
      ['symlink-skipped', 'src/loop'],
    ]);
  } finally {
    dir.dispose();
    outside.dispose();
  }
});

test('stops at the depth limit with one warning instead of recursing without end', async () => {
  const dir = tempDir();
  try {
    let path = dir.path;
    for (let i = 0; i < 12; i++) path = join(path, `d${i}`);
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'deep.py'), 'x');
    writeFileSync(join(dir.path, 'top.py'), 'x');
    const result = await walk(createNodeFileHost(dir.path), { ...OPTIONS, maxDepth: 5 });
    assert.deepEqual(result.files.map((f) => f.path), ['top.py']);
    assert.deepEqual(result.warnings.map((w) => w.code), ['too-deep']);
  } finally {
    dir.dispose();
  }
});

test('stops at the file limit with a warning', async () => {
  const dir = tree(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}.py`, 'x'])));
  try {
    const result = await walk(createNodeFileHost(dir.path), { ...OPTIONS, maxFiles: 4 });
    assert.equal(result.files.length, 4);
    assert.deepEqual(result.warnings.map((w) => w.code), ['too-many-files']);
  } finally {
    dir.dispose();
  }
});

test('an unreadable folder (simulated host error) becomes a warning and the walk goes on', async () => {
  const dir = tree({ 'locked/a.py': 'x', 'b.py': 'x' });
  try {
    const host = createNodeFileHost(dir.path);
    const failing = {
      ...host,
      readDirectory: (path: string) => (path === 'locked' ? Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })) : host.readDirectory(path)),
    };
    const result = await walk(failing, OPTIONS);
    assert.deepEqual(result.files.map((f) => f.path), ['b.py']);
    assert.deepEqual(result.warnings, [{ code: 'unreadable', path: 'locked', message: 'folder cannot be read (EACCES)' }]);
    await assert.rejects(walk({ ...host, readDirectory: () => Promise.reject(new Error('gone')) }, OPTIONS), /gone/);
  } finally {
    dir.dispose();
  }
});

test('a sub-project of a version-controlled tree counts as under version control', async () => {
  const dir = tree({ '.git/HEAD': 'ref: refs/heads/main', 'services/churn/train.py': 'x' });
  const bare = tree({ 'train.py': 'x' });
  try {
    const inside = await walk(createNodeFileHost(join(dir.path, 'services', 'churn')), OPTIONS);
    assert.equal(inside.hasGit, true);
    assert.deepEqual(inside.files.map((f) => f.path), ['.git', 'train.py']);
    const outside = await walk(createNodeFileHost(bare.path), OPTIONS);
    assert.equal(outside.hasGit, false);
  } finally {
    dir.dispose();
    bare.dispose();
  }
});
