/**
 * Hostile repositories that cannot be committed — huge files, 1,000-level nesting,
 * symlink loops and links out of the workspace, FIFOs, file names that are not UTF-8 or
 * hold control characters, binary bytes, CRLF/BOM bytes, an empty workspace, folders a
 * root user can still read — built at test time into temporary folders. Each has the
 * same expectations as a static case (test/fixtures/hostile/<case>/expected.json).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileHost } from '../../../src/core/host/fileHost';
import type { HostileExpected } from './harness';

export interface GeneratedCase {
  name: string;
  expected: HostileExpected;
  /** Write the case into `root` (the workspace); `outside` is a sibling folder outside it. */
  build(root: string, outside: string): void;
  /** Wrap the disk host to stage failures a root user's disk cannot (e.g. EACCES). */
  wrapHost?: (host: FileHost) => FileHost;
  /** Why the case cannot be staged on this platform, if it cannot. */
  skip?: () => string | undefined;
}

const MiB = 1024 * 1024;

/** Write a file (string or bytes), creating its folders. Paths may be Buffers (non-UTF-8 names). */
function put(root: string, path: string, content: string | Uint8Array): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
}

/** A file name made of raw bytes (not necessarily UTF-8), under `dir`. */
function rawName(dir: string, bytes: number[]): Buffer {
  return Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(bytes)]);
}

/** One line of `size` bytes: `head`, then `unit` repeated (cut to size). */
function longLine(head: string, unit: string, size: number): string {
  return (head + unit.repeat(Math.ceil((size - head.length) / unit.length))).slice(0, size);
}

const TRACKING = 'import mlflow\nmlflow.log_metric("accuracy", 0.9)\n';
const DRIFT = 'import evidently\nfrom evidently.report import Report\n';
const notWindows = () => (process.platform === 'win32' ? 'needs POSIX file names, symlinks and FIFOs' : undefined);

/** 1,000 nested folders; the walk stops at the default maxDepth of 64. */
const DEEP_LEVELS = 1000;
const deepPath = (levels: number) => Array.from({ length: levels }, () => 'd').join('/');

/** The names the Unicode and control-character cases create (as the report must show them). */
export const UNICODE_NAMES = [
  'evil\u202Etxt.py', // RTL override: displays as "evilyp.txt"
  'cafe\u0301.py', // combining acute accent (NFD)
  '\u{1F680}train.py', // emoji
  '\u{1F469}\u200D\u{1F4BB}.py', // woman technologist: emoji with a zero-width joiner
  'zero\u200Bwidth\u2066isolate.py', // zero-width space, left-to-right isolate
];
export const CONTROL_NAMES = [
  'evil\nname.py',
  '\u001b[31mred\u001b[0m.py',
  '\u001b]0;pwned\u0007title.py',
  'bell\u0007.py',
  'cr\rreturn.py',
  'tab\there.py',
  'del\u007f\u0085c1.py',
];
export const HTML_MARKDOWN_NAMES = [
  '<img src=x onerror=alert(1)>.py',
  '<script>alert(1)</script>.py', // "/" cannot be in a name: a folder `<script>alert(1)<` holds `script>.py`
  '[click](https:/evil.example)_train.py', // likewise a folder `[click](https:`
  '[click](evil.example)_train.py',
  'javascript:alert(1).py',
  `${'a'.repeat(236)}.py`, // 240 characters
];

export const GENERATED_CASES: GeneratedCase[] = [
  {
    name: 'empty-workspace',
    expected: { description: 'A workspace folder with no files at all.', warnings: [], level: 0, notes: 'Level 0, every practice absent, no warnings.' },
    build: () => undefined,
  },
  {
    name: 'huge-file-50mb',
    expected: {
      description: 'A 50 MB train.py (text, `import evidently` on line 1) and a 50 MB sparse data.ipynb.',
      warnings: [{ code: 'too-large', path: 'train.py' }, { code: 'too-large', path: 'data.ipynb' }],
      level: 0,
      absent: ['drift-monitoring'],
      maxMs: 10_000,
      notes: 'Over the 8 MiB default limit: listed, never read (so the import does not count).',
    },
    build(root) {
      put(root, 'train.py', DRIFT + 'x = 1\n'.repeat(Math.ceil((50 * MiB) / 6)));
      put(root, 'data.ipynb', '');
      truncateSync(join(root, 'data.ipynb'), 50 * MiB);
    },
  },
  {
    name: 'long-line-10mb',
    expected: {
      description: 'A 10 MiB train.py that is a single line (`import evidently; x = f(1); ...`).',
      warnings: [{ code: 'too-large', path: 'train.py' }],
      level: 0,
      absent: ['drift-monitoring'],
      maxMs: 10_000,
      notes: 'Over the 8 MiB default limit: not read.',
    },
    build(root) {
      put(root, 'train.py', longLine('import evidently; ', 'x = f(1); ', 10 * MiB));
    },
  },
  {
    name: 'long-line-6mb',
    expected: {
      description: 'Single 6 MiB lines within the 8 MiB limit, each read: train.py (`import mlflow; mlflow.log_metric(...); ` then 6 MiB of statements), a requirements.txt line, a dvc.yaml cmd, a Dockerfile RUN, a notebook source line, a workflow run line and a README line (and a small test module for the workflow to run).',
      warnings: [{ code: 'skipped-line', path: 'requirements.txt' }],
      level: 0,
      present: ['experiment-tracking', 'pipeline-definition', 'containerization', 'ci-runs-tests'],
      signals: [
        { practice: 'experiment-tracking', path: 'train.py' },
        { practice: 'experiment-tracking', path: 'explore.ipynb' },
        { practice: 'pipeline-definition', path: 'dvc.yaml' },
        { practice: 'ci-runs-tests', path: '.github/workflows/ci.yml' },
      ],
      maxMs: 10_000,
      notes: 'Proves no super-linear regex or tokenizer behaviour on long lines: the whole audit stays under 10 s. The 6 MiB requirement line is not a requirement: one skipped-line warning.',
    },
    build(root) {
      const size = 6 * MiB;
      put(root, 'train.py', longLine('import mlflow; mlflow.log_metric("a", 1); ', 'x = f(a, "s", 1.5) + g[0]; ', size));
      put(root, 'requirements.txt', `numpy==1.26.4\n${longLine('pandas ', 'a', size - 20)}\n`);
      put(root, 'dvc.yaml', `stages:\n  train:\n    cmd: ${longLine('python train.py ', '--flag ', size - 200)}\n    deps: [train.py]\n    outs: [model.pkl]\n`);
      put(root, 'Dockerfile', `FROM python:3.11.9-slim\nRUN ${longLine('pip install ', 'x ', size - 100)}\n`);
      put(root, '.github/workflows/ci.yml', `on: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${longLine('pytest ', '-k x ', size - 200)}\n`);
      put(root, 'README.md', `# x\n\n${longLine('Run ', '`python train.py` then ', size - 100)}\n`);
      put(root, 'explore.ipynb', JSON.stringify({ cells: [{ cell_type: 'code', source: [longLine('import mlflow; mlflow.log_metric("b", 2); ', 'y = h(2); ', size - 200)] }], metadata: {}, nbformat: 4 }));
      put(root, 'tests/test_train.py', 'def test_train():\n    assert f(1) == 2\n');
    },
  },
  {
    name: 'deep-folders-1000',
    expected: {
      description: '1,000 nested folders (d/d/d/...), with `import evidently` in a file at the bottom and an mlflow script at depth 10.',
      warnings: [{ code: 'too-deep', path: deepPath(65) }],
      level: 0,
      present: ['experiment-tracking'],
      absent: ['drift-monitoring'],
      maxMs: 20_000,
      notes: 'One too-deep warning (at the first folder past maxDepth 64), not one per level; nothing below it is listed.',
    },
    build(root) {
      put(root, `${deepPath(10)}/train.py`, TRACKING);
      put(root, `${deepPath(DEEP_LEVELS)}/drift.py`, DRIFT);
    },
  },
  {
    name: 'symlink-loop',
    skip: notWindows,
    expected: {
      description: 'Symlink loops: `loop -> .` (a folder link to its own parent), `sub/up -> ..`, `sub/self -> self` (a link to itself), and two file links pointing at each other (`a.py -> b.py`, `b.py -> a.py`).',
      warnings: [{ code: 'symlink-skipped', path: 'loop' }, { code: 'symlink-skipped', path: 'sub/up' }],
      level: 0,
      present: ['experiment-tracking'],
      maxMs: 10_000,
      notes: 'Folder links are never followed (symlink-skipped); links that cannot be resolved (ELOOP) are skipped silently, like dangling links.',
    },
    build(root) {
      put(root, 'sub/train.py', TRACKING);
      symlinkSync('.', join(root, 'loop'), 'dir');
      symlinkSync('..', join(root, 'sub', 'up'), 'dir');
      symlinkSync('self', join(root, 'sub', 'self'));
      symlinkSync('b.py', join(root, 'a.py'));
      symlinkSync('a.py', join(root, 'b.py'));
    },
  },
  {
    name: 'symlink-outside',
    skip: notWindows,
    expected: {
      description: 'Links out of the workspace to a secret folder holding `import evidently` and `evidently==0.4.33`: a relative file link (secret.py), an absolute file link (requirements.txt), a folder link (linked), a .gitignore link, and a link to the Node.js binary (node.py).',
      warnings: ['secret.py', 'requirements.txt', 'linked', '.gitignore', 'node.py'].map((path) => ({ code: 'symlink-skipped' as const, path })),
      level: 0,
      absent: ['drift-monitoring', 'dependency-pinning'],
      notes: 'Each link is reported as symlink-skipped and never followed: the secret import does not count.',
    },
    build(root, outside) {
      put(outside, 'secret.py', DRIFT);
      put(outside, 'requirements.txt', 'evidently==0.4.33\n');
      put(outside, 'dir/drift.py', DRIFT);
      put(outside, 'gitignore', '*\n');
      put(root, 'train.py', 'print("hello")\n');
      symlinkSync('../outside/secret.py', join(root, 'secret.py'));
      symlinkSync(join(outside, 'requirements.txt'), join(root, 'requirements.txt'));
      symlinkSync('../outside/dir', join(root, 'linked'), 'dir');
      symlinkSync('../outside/gitignore', join(root, '.gitignore'));
      symlinkSync(process.execPath, join(root, 'node.py'));
    },
  },
  {
    name: 'unreadable-folder',
    expected: {
      description: 'SIMULATED (tests run as root, for whom chmod cannot make a folder unreadable): a FileHost wrapper rejects readDirectory("secret") and readFile("locked.py") with EACCES; both hold `import evidently`.',
      warnings: [{ code: 'unreadable', path: 'secret' }, { code: 'unreadable', path: 'locked.py' }],
      level: 0,
      present: ['experiment-tracking'],
      absent: ['drift-monitoring'],
      notes: 'Each becomes an unreadable warning; the rest of the repository is still assessed.',
    },
    build(root) {
      put(root, 'secret/drift.py', DRIFT);
      put(root, 'locked.py', DRIFT);
      put(root, 'train.py', TRACKING);
    },
    wrapHost: (host) => ({
      ...host,
      readDirectory: (path) => (path === 'secret' ? Promise.reject(eacces(`scandir '${path}'`)) : host.readDirectory(path)),
      readFile: (path, max) => (path === 'locked.py' ? Promise.reject(eacces(`open '${path}'`)) : host.readFile(path, max)),
    }),
  },
  {
    name: 'non-utf8-names',
    skip: () => (process.platform === 'linux' ? undefined : 'only Linux file systems accept arbitrary bytes in names'),
    expected: {
      description: 'File and folder names that are not UTF-8: `f\\xff\\xfe.py` (mlflow), a folder `d\\xff` holding requirements.txt, and a Latin-1 `caf\\xe9.py` (evidently).',
      warnings: [
        { code: 'unreadable', path: 'f\uFFFD\uFFFD.py' },
        { code: 'unreadable', path: 'caf\uFFFD.py' },
        { code: 'unreadable', path: 'd\uFFFD' },
      ],
      level: 0,
      absent: ['drift-monitoring'],
      notes: 'Node decodes such names with U+FFFD, so the files cannot be opened under the decoded name: each becomes an unreadable warning naming the decoded path, never a crash.',
    },
    build(root) {
      writeFileSync(rawName(root, [0x66, 0xff, 0xfe, 0x2e, 0x70, 0x79]), TRACKING);
      writeFileSync(rawName(root, [0x63, 0x61, 0x66, 0xe9, 0x2e, 0x70, 0x79]), DRIFT);
      const folder = rawName(root, [0x64, 0xff]);
      mkdirSync(folder);
      writeFileSync(Buffer.concat([folder, Buffer.from('/requirements.txt')]), 'numpy==1.26.4\n');
    },
  },
  {
    name: 'unicode-names',
    skip: notWindows,
    expected: {
      description: 'Unusual Unicode file names, each importing mlflow: an RTL override (U+202E), a combining accent, an emoji, an emoji with a zero-width joiner, a zero-width space with a left-to-right isolate (U+2066).',
      warnings: [],
      level: 0,
      present: ['experiment-tracking'],
      rawStrings: UNICODE_NAMES,
      textIncludes: ['eviltxt.py:2', 'cafe\u0301.py:2', 'zero\u200Bwidthisolate.py:2'],
      notes: 'JSON keeps the names unchanged; text, Markdown and HTML strip the bidi controls (U+202A-E, U+2066-9).',
    },
    build(root) {
      for (const name of UNICODE_NAMES) put(root, name, TRACKING);
    },
  },
  {
    name: 'control-char-names',
    skip: notWindows,
    expected: {
      description: 'File names holding a newline, ESC colour codes, an OSC window-title sequence, BEL, CR, TAB, DEL and a C1 control, each importing mlflow.',
      warnings: [],
      level: 0,
      present: ['experiment-tracking'],
      rawStrings: CONTROL_NAMES,
      textIncludes: ['red.py:2', 'title.py:2', 'bell.py:2'],
      notes: 'JSON keeps the names unchanged (escaped by JSON); text output has no ESC or other control characters.',
    },
    build(root) {
      for (const name of CONTROL_NAMES) put(root, name, TRACKING);
    },
  },
  {
    name: 'html-markdown-names',
    skip: notWindows,
    expected: {
      description: 'File names that are HTML (`<img src=x onerror=alert(1)>.py`, `<script>alert(1)</script>.py` through a folder), Markdown links (`[click](https:/evil.example)_train.py` through a folder, `[click](evil.example)_train.py`), `javascript:alert(1).py` and a 240-character name; each imports mlflow.',
      warnings: [],
      level: 0,
      present: ['experiment-tracking'],
      rawStrings: HTML_MARKDOWN_NAMES,
      notes: 'No output format turns them into markup or links: HTML escapes them, Markdown puts paths in code spans and escapes the rest.',
    },
    build(root) {
      for (const name of HTML_MARKDOWN_NAMES) put(root, name, TRACKING);
    },
  },
  {
    name: 'binary-files',
    expected: {
      description: 'Binary content under text names: train.py, dvc.yaml, ci.yml, model.ipynb and pyproject.toml each start with readable text (`import evidently`, `stages:`) but hold NUL bytes.',
      warnings: ['train.py', 'dvc.yaml', '.github/workflows/ci.yml', 'model.ipynb', 'pyproject.toml'].map((path) => ({ code: 'binary' as const, path })),
      level: 0,
      absent: ['drift-monitoring', 'pipeline-definition'],
      notes: 'Binary files are listed (file rules see them, e.g. ci) but not parsed: one binary warning each.',
    },
    build(root) {
      const binary = (text: string) => Buffer.concat([Buffer.from(text), Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(100)]);
      put(root, 'train.py', binary(DRIFT));
      put(root, 'dvc.yaml', binary('stages:\n  train:\n    cmd: python train.py\n'));
      put(root, '.github/workflows/ci.yml', binary('on: [push]\n'));
      put(root, 'model.ipynb', binary('{"cells": []}'));
      put(root, 'pyproject.toml', binary('[project]\nname = "x"\n'));
    },
  },
  {
    name: 'utf16-requirements',
    expected: {
      description: 'A requirements.txt saved as UTF-16LE with a BOM (what `pip freeze > requirements.txt` writes in Windows PowerShell 5), all pinned.',
      warnings: [{ code: 'binary', path: 'requirements.txt' }],
      level: 0,
      absent: ['dependency-pinning'],
      notes: 'UTF-16 text holds NUL bytes, so it is taken for binary and not read (reported, no crash). Reading it would need UTF-16 decoding.',
    },
    build(root) {
      put(root, 'requirements.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('numpy==1.26.4\r\npandas==2.2.2\r\n', 'utf16le')]));
    },
  },
  {
    name: 'crlf-bom',
    expected: {
      description: 'Files with a UTF-8 BOM and CRLF line endings: requirements.txt (all pinned), dvc.yaml, a workflow running pytest and a test module, train.py (mlflow), pyproject.toml (declaring evidently); an old-Mac CR-only environment.yml; a BOM-prefixed notebook.',
      warnings: [],
      level: 0,
      present: ['dependency-pinning', 'pipeline-definition', 'ci-runs-tests', 'experiment-tracking', 'environment-as-code'],
      absent: ['drift-monitoring'],
      signals: [
        { practice: 'dependency-pinning', path: 'requirements.txt' },
        { practice: 'pipeline-definition', path: 'dvc.yaml' },
        { practice: 'ci-runs-tests', path: '.github/workflows/ci.yml' },
        { practice: 'experiment-tracking', path: 'train.py' },
        { practice: 'experiment-tracking', path: 'explore.ipynb' },
        { practice: 'drift-monitoring', path: 'pyproject.toml' },
      ],
      notes: 'The scanner drops the BOM and normalises line endings before any parser sees the text. The evidently dependency is read (its signal is listed) but a declared dependency alone is no evidence of drift monitoring.',
    },
    build(root) {
      const bomCrlf = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
      put(root, 'requirements.txt', bomCrlf('numpy==1.26.4\npandas==2.2.2\nscikit-learn==1.5.0\n'));
      put(root, 'dvc.yaml', bomCrlf('stages:\n  train:\n    cmd: python train.py\n    deps: [train.py]\n    outs: [model.pkl]\n'));
      put(root, '.github/workflows/ci.yml', bomCrlf('on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n'));
      put(root, 'train.py', bomCrlf(TRACKING));
      put(root, 'tests/test_train.py', bomCrlf('def test_train():\n    assert f(1) == 2\n'));
      put(root, 'pyproject.toml', bomCrlf('[project]\nname = "x"\nversion = "1"\ndependencies = ["evidently==0.4.33"]\n'));
      put(root, 'environment.yml', 'name: x\rdependencies:\r  - python=3.11\r  - numpy=1.26.4\r');
      put(root, 'explore.ipynb', `\uFEFF${JSON.stringify({ cells: [{ cell_type: 'code', source: ['import mlflow\r\n', 'mlflow.log_metric("a", 1)\r\n'] }], metadata: {}, nbformat: 4 })}`);
    },
  },
  {
    name: 'fifo-and-devices',
    skip: () => notWindows() ?? (hasMkfifo() ? undefined : 'mkfifo is not available'),
    expected: {
      description: 'Named pipes (FIFOs) called requirements.txt and dvc.yaml (opening one for reading blocks until a writer comes), a link to a FIFO (data.py -> dvc.yaml) and a link to /dev/zero (zero.py).',
      warnings: [{ code: 'symlink-skipped', path: 'zero.py' }],
      level: 0,
      maxMs: 10_000,
      notes: 'FIFOs are neither files nor folders: never opened. The link to a FIFO is skipped silently; the one to /dev/zero leads outside the workspace.',
    },
    build(root) {
      execFileSync('mkfifo', [join(root, 'requirements.txt'), join(root, 'dvc.yaml')]);
      symlinkSync('dvc.yaml', join(root, 'data.py'));
      symlinkSync('/dev/zero', join(root, 'zero.py'));
    },
  },
  {
    name: 'latin1-content',
    expected: {
      description: 'Text that is not UTF-8: a Windows-1252 train.py (`# café`, smart quotes) importing mlflow, and a dvc.yaml whose stage name holds a lone 0xE9 byte.',
      warnings: [],
      level: 0,
      present: ['experiment-tracking', 'pipeline-definition'],
      notes: 'Invalid bytes decode to U+FFFD; the rest of each file is parsed as usual.',
    },
    build(root) {
      put(root, 'train.py', Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0x20, 0x93, 0x71, 0x94, 0x0a]), Buffer.from(TRACKING)]));
      put(root, 'dvc.yaml', Buffer.concat([Buffer.from('stages:\n  caf'), Buffer.from([0xe9]), Buffer.from(':\n    cmd: python train.py\n    deps: [train.py]\n    outs: [model.pkl]\n')]));
    },
  },
  {
    name: 'nested-yaml-5000',
    expected: {
      description: 'YAML nested 5,000 levels deep: dvc.yaml as nested flow sequences `[[[[...]]]]`, a workflow and MLproject as nested flow mappings `{a: {a: ...}}`, environment.yml as nested compact block sequences `- - - ...`, and deploy.yaml as 2,500 nested block mappings (one more space of indentation per level).',
      warnings: ['dvc.yaml', '.github/workflows/ci.yml', 'MLproject', 'environment.yml', 'deploy.yaml'].map((path) => ({ code: 'parse-error' as const, path })),
      level: 0,
      maxMs: 20_000,
      notes: 'The yaml library runs out of stack composing them; it catches the RangeError itself (reporting it as a document error), and yamlSource turns that into a parse-error warning. The process survives.',
    },
    build(root) {
      const n = 5000;
      const flowMaps = `${'{a: '.repeat(n)}1${'}'.repeat(n)}`;
      put(root, 'dvc.yaml', `stages: ${'['.repeat(n)}${']'.repeat(n)}\n`);
      put(root, '.github/workflows/ci.yml', `on: [push]\njobs: ${flowMaps}\n`);
      put(root, 'MLproject', `name: x\nentry_points: ${flowMaps}\n`);
      put(root, 'environment.yml', `dependencies:\n  ${'- '.repeat(n)}numpy\n`);
      put(root, 'deploy.yaml', `apiVersion: apps/v1\nkind: Deployment\nspec:\n${Array.from({ length: 2500 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`);
    },
  },
  {
    name: 'nested-yaml-400',
    expected: {
      description: 'YAML nested 400 levels deep, which the yaml library parses: dvc.yaml stages as 400 nested mappings, a workflow whose steps are 400 nested lists, a Kubernetes-looking manifest with 400 nested specs.',
      warnings: [],
      level: 0,
      maxMs: 10_000,
      notes: 'The extractors and the rule engine walk the parsed values without recursing into the stack limit.',
    },
    build(root) {
      const n = 400;
      put(root, 'dvc.yaml', `stages: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`);
      put(root, '.github/workflows/ci.yml', `on: [push]\njobs:\n  t:\n    runs-on: x\n    steps: ${'['.repeat(n)}{run: pytest}${']'.repeat(n)}\n`);
      put(root, 'deploy.yaml', `apiVersion: apps/v1\nkind: Deployment\nspec: ${'{spec: '.repeat(n)}1${'}'.repeat(n)}\n`);
    },
  },
  {
    name: 'toml-deep-nesting',
    expected: {
      description: 'pyproject.toml with 5,000 nested arrays and Pipfile with 5,000 nested inline tables.',
      warnings: [{ code: 'parse-error', path: 'pyproject.toml' }, { code: 'parse-error', path: 'Pipfile' }],
      level: 0,
      maxMs: 10_000,
      notes: 'The TOML parser runs out of stack (RangeError) or rejects the nesting; either way one parse-error per file.',
    },
    build(root) {
      const n = 5000;
      put(root, 'pyproject.toml', `[project]\nname = "x"\ndependencies = ${'['.repeat(n)}${']'.repeat(n)}\n`);
      put(root, 'Pipfile', `[packages]\nnumpy = ${'{a = '.repeat(n)}1${'}'.repeat(n)}\n`);
    },
  },
  {
    name: 'notebook-deep-json',
    expected: {
      description: 'A notebook whose metadata nests 100,000 JSON arrays and whose output nests 100,000 objects, with a code cell importing mlflow.',
      warnings: [],
      level: 0,
      present: ['experiment-tracking'],
      maxMs: 10_000,
    },
    build(root) {
      const n = 100_000;
      const deepArray = `${'['.repeat(n)}${']'.repeat(n)}`;
      const deepObject = `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
      put(root, 'explore.ipynb', `{"cells": [{"cell_type": "code", "source": ["import mlflow\\n", "mlflow.log_metric('a', 1)\\n"], "outputs": [${deepObject}]}], "metadata": {"x": ${deepArray}}, "nbformat": 4}`);
    },
  },
  {
    name: 'python-pathological',
    expected: {
      description: 'Python that stresses a tokenizer: 100,000 open parentheses on one line, 2,000 nested `if` blocks, 10,000 backslash continuations, 20,000 decorators, a 1 MB string literal, then an unterminated triple-quoted string to the end of the file; mlflow is imported first.',
      warnings: [],
      level: 0,
      present: ['experiment-tracking'],
      maxMs: 10_000,
    },
    build(root) {
      const parts = [
        TRACKING,
        `x = ${'('.repeat(100_000)}1\n`,
        Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}if x:\n`).join('') + `${' '.repeat(2000)}pass\n`,
        `y = 1 + \\\n${'2 + \\\n'.repeat(10_000)}3\n`,
        `${'@decorator\n'.repeat(20_000)}def f(): pass\n`,
        `s = "${'a'.repeat(MiB)}"\n`,
        `t = """never closed\n${'import evidently\n'.repeat(100)}`,
      ];
      put(root, 'train.py', parts.join(''));
      put(root, 'half.py', "z = 'unterminated\nw = f(\n");
    },
  },
  {
    name: 'many-yaml-documents',
    expected: {
      description: 'A 1.8 MB dvc.yaml that is a stream of 200,000 YAML documents (`---` separated), the first holding a stage.',
      warnings: [],
      level: 0,
      present: ['pipeline-definition'],
      maxMs: 45_000,
      notes: 'Found a crash: the scanner appended each file\'s documents with push(...docs), and 200,000 arguments overflow the stack, failing the whole scan (CLI exit 3). Fixed in src/core/scan/scanner.ts (a loop).',
    },
    build(root) {
      put(root, 'dvc.yaml', `stages:\n  train:\n    cmd: python train.py\n    deps: [train.py]\n    outs: [model.pkl]\n${'---\nx: 1\n'.repeat(200_000)}`);
    },
  },
  {
    name: 'many-signals',
    expected: {
      description: 'A 5.2 MB train.py with 200,000 lines of `mlflow.log_metric(...)`: 200,000 signals for one rule.',
      warnings: [],
      level: 0,
      present: ['experiment-tracking'],
      maxMs: 30_000,
      notes: 'Found a crash: the scanner merged extractor facts with push(...facts) (fixed in src/core/scan/scanner.ts); assessPractices then takes Math.max(0, ...signals) (stack overflow: the audit throws, CLI exit 3) and assess() builds each tool\'s list with [...list, signal] (quadratic: about 8 minutes). Both fixed in src/core/assess (a reduce; lists appended in place).',
    },
    build(root) {
      put(root, 'train.py', `import mlflow\n${'mlflow.log_metric("loss", 0.1)\n'.repeat(200_000)}`);
    },
  },
  {
    name: 'gitignore-backtracking',
    expected: {
      description: 'A .gitignore of glob patterns shaped for exponential backtracking (`*?` x200 + `x`, `a*` x200 + `b`, `**/a` x100 + `/b`) next to a file whose name is 200 `a`s (it uses mlflow).',
      warnings: [],
      level: 0,
      present: ['experiment-tracking'],
      maxMs: 10_000,
      notes: 'Generated, not committed: Git\'s own wildmatch takes exponential time on `a*a*...b` (`git check-ignore` with 21 `a*` against a 100-character name runs for more than 10 s), so committing it would hang `git status` in this repository. The ignore library compiles the patterns to regular expressions that do not backtrack; no file matches, so the script is scanned.',
    },
    build(root) {
      put(root, '.gitignore', `${'*?'.repeat(200)}x\n${'a*'.repeat(200)}b\n${'**/a'.repeat(100)}/b\n`);
      put(root, `src/${'a'.repeat(200)}.py`, TRACKING);
      put(root, `${'a'.repeat(200)}/${'a'.repeat(200)}.py`, TRACKING);
    },
  },
  {
    name: 'too-many-files',
    expected: {
      description: '.mlops-lens.yaml sets limits.maxFiles to 10; the repository has 40 files.',
      warnings: [{ code: 'too-many-files' }],
      level: 0,
      notes: 'The walk stops at the limit with one too-many-files warning (it has no path).',
    },
    build(root) {
      put(root, '.mlops-lens.yaml', 'limits:\n  maxFiles: 10\n');
      for (let i = 0; i < 40; i++) put(root, `f${String(i).padStart(2, '0')}.py`, 'print(1)\n');
    },
  },
  {
    name: 'warning-flood',
    expected: {
      description: '300 invalid notebooks (each `{"cells": [`): 300 scan warnings.',
      warnings: Array.from({ length: 300 }, (_, i) => ({ code: 'parse-error' as const, path: `nb/${String(i).padStart(3, '0')}.ipynb` })),
      level: 0,
      maxMs: 10_000,
      notes: 'All 300 are in JSON; text, Markdown and HTML show the first few and a count.',
    },
    build(root) {
      for (let i = 0; i < 300; i++) put(root, `nb/${String(i).padStart(3, '0')}.ipynb`, '{"cells": [');
    },
  },
  {
    name: 'skipped-internals',
    expected: {
      description: 'Tool use hidden where a scan must not look: `import evidently` in .git/hooks, .git/drift.py, node_modules, a virtual environment (pyvenv.cfg), __pycache__ and .venv; a `.git` folder whose config and hooks would run commands.',
      warnings: [],
      level: 0,
      present: ['vcs'],
      absent: ['drift-monitoring'],
      notes: '.git is listed (vcs present) but never read; environments, dependencies and caches are skipped.',
    },
    build(root) {
      put(root, '.git/HEAD', 'ref: refs/heads/main\n');
      put(root, '.git/config', '[core]\n\tfsmonitor = touch /tmp/never\n');
      put(root, '.git/hooks/post-checkout.py', DRIFT);
      put(root, '.git/drift.py', DRIFT);
      put(root, 'node_modules/pkg/drift.py', DRIFT);
      put(root, 'env/pyvenv.cfg', 'home = /usr/bin\n');
      put(root, 'env/lib/python3.11/site-packages/drift.py', DRIFT);
      put(root, '.venv/lib/drift.py', DRIFT);
      put(root, 'src/__pycache__/drift.py', DRIFT);
    },
  },
];

function eacces(what: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`EACCES: permission denied, ${what}`);
  err.code = 'EACCES';
  return err;
}

let mkfifoAvailable: boolean | undefined;
function hasMkfifo(): boolean {
  if (mkfifoAvailable === undefined) {
    try {
      execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
      mkfifoAvailable = true;
    } catch {
      mkfifoAvailable = false;
    }
  }
  return mkfifoAvailable;
}
