import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractor, extractPythonFacts } from '../../../../src/core/facts/python/pythonSource';
import { tokenizePython } from '../../../../src/core/facts/python/pythonTokenizer';
import { extractText, lines } from '../extractStub';

const PATH = 'src/train.py';
const facts = (...source: string[]) => extractPythonFacts(PATH, [{ text: lines('\n', ...source) }]);
/** Calls as `line:name(keywords)`, decorators prefixed with `@`. */
const calls = (...source: string[]) =>
  facts(...source).calls.map((c) => `${c.line}:${c.decorator ? '@' : ''}${c.name}(${c.keywords.join(',')})`);

describe('tokenizePython', () => {
  it('turns strings into single tokens and drops comments', () => {
    const tokens = tokenizePython('x = rb"a#b" # c\ny = f(1)\n');
    assert.deepEqual(tokens.map((t) => [t.kind, t.text, t.line]), [
      ['name', 'x', 1], ['op', '=', 1], ['string', 'a#b', 1], ['newline', '', 1],
      ['name', 'y', 2], ['op', '=', 2], ['name', 'f', 2], ['op', '(', 2], ['number', '1', 2], ['op', ')', 2],
      ['newline', '', 2],
    ]);
  });

  it('ends logical lines only outside brackets and after ;, and joins \\ continuations', () => {
    const kinds = (text: string) => tokenizePython(text).map((t) => (t.kind === 'newline' ? 'NL' : t.text)).join(' ');
    assert.equal(kinds('f(a,\n  b)\nc'), 'f ( a , b ) NL c NL');
    assert.equal(kinds('a; b'), 'a NL b NL');
    assert.equal(kinds('a = 1 + \\\n 2'), 'a = 1 + 2 NL');
    assert.equal(kinds('a == b != c <= d'), 'a == b != c <= d NL');
  });

  it('counts lines inside triple-quoted strings', () => {
    const tokens = tokenizePython('"""one\ntwo\n"""\nz');
    assert.deepEqual(tokens.map((t) => [t.kind, t.line]), [['string', 1], ['newline', 3], ['name', 4], ['newline', 4]]);
  });
});

describe('python source extractor', () => {
  it('collects imports; relative ones keep their dots and bind no alias', () => {
    const result = facts(
      'import numpy as np, os.path',
      'import mlflow.sklearn',
      'from sklearn.model_selection import (',
      '    train_test_split,',
      '    KFold as KF,',
      ')',
      'from . import utils',
      'from .data import load',
      'from __future__ import annotations',
      'def f():',
      '    import torch',
    );
    assert.deepEqual(result.imports.map((i) => `${i.line}:${i.module}`), [
      '1:numpy', '1:os.path', '2:mlflow.sklearn', '3:sklearn.model_selection', '7:.', '8:.data', '9:__future__', '11:torch',
    ]);
    assert.deepEqual(result.imports.filter((i) => i.module.startsWith('.')).map((i) => i.names), [['utils'], ['load']]);
  });

  it('reads how far up a relative import goes, and leaves its names unresolved in calls', () => {
    const result = facts('from ...services import PredictionService as PS', 'from .. import models', 'PS(x)');
    assert.deepEqual(result.imports.map((i) => `${i.module} ${i.names?.join(',')}`), ['...services PredictionService', '.. models']);
    assert.deepEqual(result.calls.map((c) => c.name), ['PS']);
  });

  it('resolves call names through import aliases', () => {
    assert.deepEqual(calls(
      'import numpy as np',
      'import mlflow.sklearn',
      'from mlflow import log_metric',
      'from torch import manual_seed as ms',
      'np.random.seed(42)',
      'log_metric("acc", 0.9)',
      'ms(1)',
      'mlflow.sklearn.autolog()',
      'model.fit(X, y)',
      'train()',
    ), [
      '5:numpy.random.seed()', '6:mlflow.log_metric()', '7:torch.manual_seed()',
      '8:mlflow.sklearn.autolog()', '9:model.fit()', '10:train()',
    ]);
  });

  it('names a method called on a call\'s result after that call, resolved through its imports', () => {
    assert.deepEqual(calls(
      'from sklearn.linear_model import LogisticRegression',
      'import numpy as np',
      'model = LogisticRegression(C=0.5).fit(X, y)',
      'x = np.array(v).reshape(-1, 1)',
      'y_hat = (Pipeline(steps)',
      '         .fit(X, y).predict(X))',
      's = str(v).strip()',
      'f(a)[0].fit(X)',
      'g(a)',
      '.fit(X)',
    ), [
      '3:sklearn.linear_model.LogisticRegression(C)', '3:sklearn.linear_model.LogisticRegression().fit()',
      '4:numpy.array()', '4:numpy.array().reshape()',
      '5:Pipeline()', '6:Pipeline().fit()', '6:Pipeline().fit().predict()',
      '8:f()', '9:g()',
    ]);
  });

  it('resolves aliases imported after use (function-local imports)', () => {
    assert.deepEqual(calls('def run():', '    pd.read_csv("x")', 'import pandas as pd'), ['2:pandas.read_csv()']);
  });

  it('reads keyword arguments at the call depth, across lines', () => {
    assert.deepEqual(calls(
      'from sklearn.ensemble import RandomForestClassifier',
      'clf = RandomForestClassifier(',
      '    n_estimators=100,',
      '    max_depth=cfg.get("depth", default=3),',
      '    random_state=SEED, **extra)',
      'check(a == b, flag=x >= 1)',
    ), [
      '2:sklearn.ensemble.RandomForestClassifier(n_estimators,max_depth,random_state)',
      '4:cfg.get(default)',
      '6:check(flag)',
    ]);
  });

  it('reports decorators, with or without arguments', () => {
    assert.deepEqual(calls(
      'import pytest',
      'from prefect import flow',
      '@pytest.fixture(scope="module")',
      'def data(): ...',
      '@flow',
      'def pipeline(): ...',
      'x = a @ b(c)',
    ), ['3:@pytest.fixture(scope)', '5:@prefect.flow()', '7:b()']);
  });

  it('ignores definitions, keywords, builtins, strings and comments', () => {
    assert.deepEqual(calls(
      'def train(epochs=1): pass',
      'class Model(Base): pass',
      'if (ready): print(len(x))',
      '# mlflow.log_param("x")',
      '"""',
      'mlflow.start_run()',
      '"""',
      "s = 'np.save(x)'",
      '"-".join(parts).upper()',
      'open("f")',
    ), ['10:open()']);
  });

  it('keeps a builtin name that an import shadows', () => {
    assert.deepEqual(calls('from rich import print', 'print("x")'), ['2:rich.print()']);
  });

  it('maps lines of chunks that share a namespace', () => {
    const result = extractPythonFacts('nb.ipynb', [
      { text: 'import numpy as np\n', mapLine: (line) => line + 10 },
      { text: '\nnp.save(x)\n', mapLine: () => undefined },
    ]);
    assert.deepEqual(result.imports, [{ path: 'nb.ipynb', line: 11, module: 'numpy' }]);
    assert.deepEqual(result.calls, [{ path: 'nb.ipynb', line: undefined, name: 'numpy.save', keywords: [], decorator: false }]);
  });

  it('runs as an extractor on .py files', async () => {
    const result = await extractText(extractor, PATH, 'import mlflow\nmlflow.log_param("lr", value=0.1)\n');
    assert.deepEqual(result, {
      imports: [{ path: PATH, line: 1, module: 'mlflow' }],
      calls: [{ path: PATH, line: 2, name: 'mlflow.log_param', keywords: ['value'], values: ['0.1'], decorator: false }],
      warnings: [],
    });
  });

  it('does not crash or hang on binary garbage', () => {
    let seed = 7;
    const bytes = Array.from({ length: 200_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return String.fromCharCode(seed % 256);
    }).join('');
    const result = extractPythonFacts(PATH, [{ text: bytes + '\x00\uFFFD"""\\' }]);
    assert.ok(Array.isArray(result.calls));
  });

  it('stays fast on a huge single line and deep nesting', () => {
    const started = Date.now();
    const line = facts('x = ' + 'np.f(a=1) + '.repeat(100_000));
    const nested = extractPythonFacts(PATH, [{ text: 'f('.repeat(200_000) }]);
    assert.equal(line.calls.length, 100_000);
    assert.deepEqual(line.calls[0].keywords, ['a']);
    assert.equal(nested.calls.length, 200_000);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });

  it('keeps the text of keyword values, across lines and nested calls, cut short', () => {
    const [split, , estimator] = facts(
      'from sklearn.model_selection import train_test_split',
      'a, b = train_test_split(X, test_size=0.2,',
      '    random_state=params["seed"], shuffle=f(1, 2))',
      'm = RandomForest(random_state=' + 'x'.repeat(200) + ')',
    ).calls;
    assert.deepEqual(split.keywords, ['test_size', 'random_state', 'shuffle']);
    assert.deepEqual(split.values, ['0.2', 'params["seed"]', 'f(1,2)']);
    assert.equal(estimator.values?.[0], 'x'.repeat(120));
  });

  it('gives no values to calls without keywords, and an empty value to one it cannot finish', () => {
    assert.equal(facts('f(1, 2)').calls[0].values, undefined);
    assert.deepEqual(facts('f(a=1').calls[0].values, ['']);
  });

  it('stops reading keywords far past the opening parenthesis', () => {
    const [call] = facts(`f(${' '.repeat(5000)}late=1)`).calls;
    assert.deepEqual(call.keywords, []);
  });

  it('treats unterminated strings and unbalanced brackets as the end of what it can read', () => {
    assert.deepEqual(calls('x = "open', 'run()', 'f(g(', 'import os'), ['2:run()', '3:f()', '3:g()']);
    assert.deepEqual(calls('s = """never closed', 'run()'), []);
  });
});
