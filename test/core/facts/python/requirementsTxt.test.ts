import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minimatch } from 'minimatch';
import { extractor } from '../../../../src/core/facts/python/requirementsTxt';
import { extractText, lines } from '../extractStub';

const matches = (path: string) => extractor.files.some((glob) => minimatch(path, glob, { dot: true, nocase: true }));

describe('requirements.txt extractor', () => {
  it('matches requirements, requirements/ and constraints files', () => {
    assert.equal(matches('requirements.txt'), true);
    assert.equal(matches('svc/requirements-dev.txt'), true);
    assert.equal(matches('requirements/base.txt'), true);
    assert.equal(matches('constraints.txt'), true);
    assert.equal(matches('docs/notes.txt'), false);
  });

  it('reads requirements with lines, specs, pins, comments and markers', async () => {
    const text = lines('\n',
      '# training stack',
      'numpy==1.26.4  # pinned',
      'pandas>=2.0',
      '',
      'scikit-learn==1.4.*',
      'torch==2.2.0; sys_platform == "linux"',
    );
    const result = await extractText(extractor, 'requirements.txt', text);
    assert.deepEqual(result.dependencies, [
      { path: 'requirements.txt', line: 2, name: 'numpy', spec: '==1.26.4', pinned: true, source: 'requirements' },
      { path: 'requirements.txt', line: 3, name: 'pandas', spec: '>=2.0', pinned: false, source: 'requirements' },
      { path: 'requirements.txt', line: 5, name: 'scikit-learn', spec: '==1.4.*', pinned: false, source: 'requirements' },
      { path: 'requirements.txt', line: 6, name: 'torch', spec: '==2.2.0', pinned: true, source: 'requirements' },
    ]);
    assert.deepEqual(result.requirementsFiles, [
      { path: 'requirements.txt', line: 1, requirements: 4, pinned: 2, hashed: false, includes: [] },
    ]);
    assert.deepEqual(result.warnings, []);
  });

  it('records -r / -c includes relative to the file without reading them', async () => {
    const text = lines('\n',
      '-r base.txt',
      '--requirement=../requirements.txt',
      '-c ../constraints.txt',
      '-rextra.txt',
      '--constraint https://example.com/c.txt',
      '-r ../../../outside.txt',
      'mlflow',
    );
    const result = await extractText(extractor, 'requirements/dev.txt', text, { 'requirements/base.txt': 'numpy\n' });
    assert.deepEqual(result.requirementsFiles?.[0].includes, [
      'requirements/base.txt', 'requirements.txt', 'constraints.txt', 'requirements/extra.txt',
    ]);
    assert.deepEqual(result.dependencies?.map((d) => d.name), ['mlflow']);
  });

  it('joins continuation lines and treats hashed requirements as pinned', async () => {
    const text = lines('\n',
      'numpy==1.26.4 \\',
      '    --hash=sha256:aaaa \\',
      '    --hash=sha256:bbbb',
      'pandas==2.2.1 --hash sha256:cccc',
    );
    const result = await extractText(extractor, 'requirements.txt', text);
    assert.deepEqual(result.dependencies, [
      { path: 'requirements.txt', line: 1, name: 'numpy', spec: '==1.26.4', pinned: true, source: 'requirements' },
      { path: 'requirements.txt', line: 4, name: 'pandas', spec: '==2.2.1', pinned: true, source: 'requirements' },
    ]);
    assert.deepEqual(result.requirementsFiles, [
      { path: 'requirements.txt', line: 1, requirements: 2, pinned: 2, hashed: true, includes: [] },
    ]);
  });

  it('is hashed only when every requirement carries a hash', async () => {
    const result = await extractText(extractor, 'requirements.txt', 'a==1 --hash=sha256:x\nb==2\n');
    assert.equal(result.requirementsFiles?.[0].hashed, false);
  });

  it('skips index options and counts editable installs as unpinned requirements', async () => {
    const text = lines('\r\n',
      '--index-url https://pypi.org/simple',
      '--extra-index-url https://download.pytorch.org/whl/cpu',
      '-f ./wheels',
      '--find-links=https://example.com/links',
      '--pre',
      '-e .',
      '-e ./libs/featurestore',
      '--editable git+https://github.com/org/lib.git@main#egg=orglib',
      'torch==2.2.0+cpu',
    );
    const result = await extractText(extractor, 'requirements.txt', text);
    assert.deepEqual(result.dependencies, [
      { path: 'requirements.txt', line: 8, name: 'orglib', spec: '@git+https://github.com/org/lib.git@main#egg=orglib', pinned: false, source: 'requirements' },
      { path: 'requirements.txt', line: 9, name: 'torch', spec: '==2.2.0+cpu', pinned: true, source: 'requirements' },
    ]);
    assert.deepEqual(result.requirementsFiles, [
      { path: 'requirements.txt', line: 1, requirements: 4, pinned: 1, hashed: false, includes: [] },
    ]);
  });

  it('does not let a comment ending in a backslash swallow the next line', async () => {
    const result = await extractText(extractor, 'requirements.txt', '# note \\\nnumpy\n');
    assert.deepEqual(result.dependencies?.map((d) => [d.name, d.line]), [['numpy', 2]]);
  });

  it('warns about a line that is not a requirement and goes on', async () => {
    const result = await extractText(extractor, 'requirements.txt', 'numpy 1.2\nscipy\n');
    assert.deepEqual(result.dependencies?.map((d) => d.name), ['scipy']);
    assert.deepEqual(result.warnings, [
      { code: 'skipped-line', message: 'not a requirement: numpy 1.2', path: 'requirements.txt', line: 1 },
    ]);
  });

  it('reports an empty file as having no requirements', async () => {
    const result = await extractText(extractor, 'requirements.txt', '');
    assert.deepEqual(result.dependencies, []);
    assert.deepEqual(result.requirementsFiles, [
      { path: 'requirements.txt', line: 1, requirements: 0, pinned: 0, hashed: false, includes: [] },
    ]);
  });
});
