import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor, notebookCodeLines, NotebookSyntaxError } from '../../../../src/core/facts/python/notebook';
import { extractText } from '../extractStub';

const PATH = 'notebooks/explore.ipynb';

/** A notebook laid out as nbformat writes it (indent 1, one source line per string). */
function notebook(cells: Array<{ type: 'code' | 'markdown'; source: string[] | string }>, metadata: object = {}): string {
  return JSON.stringify({
    cells: cells.map((cell) => ({ cell_type: cell.type, metadata: {}, source: cell.source, ...(cell.type === 'code' && { outputs: [] }) })),
    metadata,
    nbformat: 4,
    nbformat_minor: 5,
  }, null, 1);
}

/** 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('notebook extractor', () => {
  it('counts code cells and scans them as one namespace, with JSON lines', async () => {
    const text = notebook([
      { type: 'markdown', source: ['# Explore\n', 'import nothing\n'] },
      { type: 'code', source: ['import numpy as np\n', 'import mlflow'] },
      { type: 'code', source: ['%matplotlib inline\n', '!pip install x\n', 'np.random.seed(0)\n', 'mlflow.log_param("a", value=1)'] },
    ]);
    const result = await extractText(extractor, PATH, text);
    assert.deepEqual(result.notebooks, [{ path: PATH, codeCells: 2 }]);
    assert.deepEqual(result.imports, [
      { path: PATH, line: lineOf(text, '"import numpy as np'), module: 'numpy' },
      { path: PATH, line: lineOf(text, '"import mlflow'), module: 'mlflow' },
    ]);
    assert.deepEqual(result.calls, [
      { path: PATH, line: lineOf(text, 'np.random.seed'), name: 'numpy.random.seed', keywords: [], decorator: false },
      { path: PATH, line: lineOf(text, 'mlflow.log_param'), name: 'mlflow.log_param', keywords: ['value'], values: ['1'], decorator: false },
    ]);
  });

  it('points every fact of a single-string source at the line where it starts', async () => {
    const text = notebook([{ type: 'code', source: 'import torch\ntorch.manual_seed(1)' }]);
    const result = await extractText(extractor, PATH, text);
    const line = lineOf(text, 'import torch');
    assert.deepEqual(result.calls?.map((c) => [c.name, c.line]), [['torch.manual_seed', line]]);
    assert.deepEqual(result.imports?.map((i) => [i.module, i.line]), [['torch', line]]);
  });

  it('uses the source start line for compact (one-line) JSON', async () => {
    const text = JSON.stringify(JSON.parse(notebook([{ type: 'code', source: ['import os\n', 'os.getcwd()'] }])));
    const result = await extractText(extractor, PATH, text);
    assert.deepEqual(result.calls?.map((c) => [c.name, c.line]), [['os.getcwd', 1]]);
  });

  it('skips non-Python cell magics but scans %%time cells', async () => {
    const text = notebook([
      { type: 'code', source: ['%%bash\n', 'python train.py'] },
      { type: 'code', source: ['%%time\n', 'fit()'] },
    ]);
    const result = await extractText(extractor, PATH, text);
    assert.deepEqual(result.calls?.map((c) => c.name), ['fit']);
    assert.deepEqual(result.notebooks, [{ path: PATH, codeCells: 2 }]);
  });

  it('counts but does not scan cells of a non-Python kernel', async () => {
    const text = notebook([{ type: 'code', source: ['library(x)\n', 'fit(y)'] }], { kernelspec: { language: 'R', name: 'ir' } });
    const result = await extractText(extractor, PATH, text);
    assert.deepEqual(result, { notebooks: [{ path: PATH, codeCells: 1 }], imports: [], calls: [], warnings: [] });
  });

  it('finds lines the JSON writes with escapes, and tolerates odd cells', async () => {
    const text = JSON.stringify({ cells: [null, { cell_type: 'code', source: [1, 'run()'] }, { cell_type: 'code' }] });
    const result = await extractText(extractor, PATH, text.replace('"run()"', '"\\u0072un()"'));
    assert.deepEqual(result.calls, [{ path: PATH, line: 1, name: 'run', keywords: [], decorator: false }]);
    assert.deepEqual(result.notebooks, [{ path: PATH, codeCells: 2 }]);
  });

  it('points at the source line, not at the same text in an earlier cell\'s output or later lines (regression)', async () => {
    // nbformat writes a cell's outputs before its source: a printed "import mlflow" comes first.
    const text = JSON.stringify({
      cells: [
        { cell_type: 'code', metadata: {}, outputs: [{ output_type: 'stream', name: 'stdout', text: ['import mlflow\n'] }], source: ['print("import mlflow")\n', 'import mlflow\n'] },
        { cell_type: 'code', metadata: {}, outputs: [{ output_type: 'stream', name: 'stdout', text: ['import mlflow\n'] }], source: ['import mlflow\n', 'mlflow.log_metric("a", 1)'] },
      ],
      metadata: {}, nbformat: 4, nbformat_minor: 5,
    }, null, 1);
    const result = await extractText(extractor, PATH, text);
    const sourceLines = text.split('\n').flatMap((line, i) => (line.trim().startsWith('"import mlflow') && !line.includes('print') ? [i + 1] : []));
    // Each cell's "import mlflow" appears twice in the JSON (its output, then its source); the facts point at the source lines.
    const outputLines = [sourceLines[0], sourceLines[2]];
    const expected = [sourceLines[1], sourceLines[3]];
    assert.deepEqual(result.imports?.map((i) => i.line), expected);
    assert.ok(outputLines.every((line) => !expected.includes(line)));
    assert.equal(result.calls?.find((c) => c.name === "mlflow.log_metric")?.line, expected[1] + 1);
  });

  it('throws with the line of malformed JSON', async () => {
    await assert.rejects(
      async () => extractText(extractor, PATH, '{\n "cells": [\n  {,\n ]\n}'),
      (err: unknown) => err instanceof NotebookSyntaxError && err.line === 3 && /^invalid notebook JSON at line 3: /.test(err.message),
    );
  });

  it('throws for JSON that is not a notebook', async () => {
    await assert.rejects(
      async () => extractText(extractor, PATH, '{"worksheets": [], "nbformat": 3}'),
      { name: 'NotebookSyntaxError', message: 'not an nbformat 4 notebook: no "cells" list (nbformat 3)' },
    );
  });
});

describe('notebook code lines (what content rules read)', () => {
  it('gives the code cells\' lines with their JSON lines, and no markdown or outputs', () => {
    const text = notebook([
      { type: 'markdown', source: ['Annotate with `prometheus.io/scrape: "true"`\n'] },
      { type: 'code', source: ['spec = """\n', '  prometheus.io/scrape: "true"\n', '"""'] },
    ]);
    const { lines, lineNumbers } = notebookCodeLines(text);
    assert.deepEqual(lines, ['spec = """', '  prometheus.io/scrape: "true"', '"""']);
    const first = lineOf(text, '"spec = ');
    assert.deepEqual(lineNumbers, [first, first + 1, first + 2]);
  });

  it('has no code lines for broken JSON or a notebook of another language', () => {
    assert.deepEqual(notebookCodeLines('{"cells": [').lines, []);
    const r = notebook([{ type: 'code', source: ['library(x)\n'] }], { kernelspec: { language: 'R' } });
    assert.deepEqual(notebookCodeLines(r).lines, []);
  });

  it('places every line of a cell stored as one string at the line where it starts', () => {
    const text = JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: 'import kfp\nfrom kfp import dsl' }], metadata: {}, nbformat: 4 });
    assert.deepEqual(notebookCodeLines(text), { lines: ['import kfp', 'from kfp import dsl'], lineNumbers: [1, 1] });
  });
});
