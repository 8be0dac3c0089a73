/** Rule options of the generic engine: exclude, keyword values, pinned share, and `together` scopes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Facts, PythonCall, PythonImport } from '../../../src/core/model/facts';
import type { DetectionRule } from '../../../src/core/model/knowledge';
import { evaluateRule, flattenRules } from '../../../src/core/engine/rules';

function factsOf(parts: Partial<Facts> & { paths?: string[] }): Facts {
  const { paths = [], ...rest } = parts;
  return {
    files: paths.map((path) => ({ path })), hasGit: false, dependencies: [], requirementsFiles: [], imports: [], calls: [],
    notebooks: [], ci: [], dvc: [], mlprojects: [], manifests: [], dockerfiles: [], manualSteps: [], yamlDocuments: [],
    ownPackages: [], scope: { notes: [], librarySource: [] }, texts: new Map(), warnings: [], ...rest,
  };
}

const imp = (path: string, module: string, line = 1): PythonImport => ({ path, line, module });
const call = (path: string, name: string, line = 2, keywords: string[] = [], values?: string[]): PythonCall =>
  ({ path, line, name, keywords, ...(values ? { values } : {}), decorator: false });
const where = (rule: DetectionRule, facts: Facts) => evaluateRule(rule, facts, 'p').map((s) => `${s.path}:${s.line ?? '-'}`);

describe('exclude', () => {
  it('drops matches in excluded paths, keeps the others', () => {
    const facts = factsOf({ calls: [call('src/train.py', 'random.seed'), call('tests/test_split.py', 'random.seed')] });
    const rule: DetectionRule = { id: 'seed', kind: 'call', names: ['random.seed'], exclude: ['**/tests/**'] };
    assert.deepEqual(where(rule, facts), ['src/train.py:2']);
  });
});

describe('call keyword value', () => {
  const rule: DetectionRule = { id: 'rs', kind: 'call', names: ['*'], keyword: 'random_state', value: '^(\\d|.*seed)' };

  it('matches a keyword whose value matches, and says which value', () => {
    const facts = factsOf({ calls: [call('a.py', 'sklearn.model_selection.train_test_split', 3, ['test_size', 'random_state'], ['0.2', '42'])] });
    const [signal] = evaluateRule(rule, facts, 'p');
    assert.equal(signal.detail, 'sklearn.model_selection.train_test_split(random_state=42)');
  });

  it('does not match a passed-through value, another keyword, or a call without values', () => {
    const facts = factsOf({
      calls: [
        call('a.py', 'f', 1, ['random_state'], ['random_state']),
        call('a.py', 'g', 2, ['seed'], ['42']),
        call('a.py', 'h', 3, ['random_state']),
      ],
    });
    assert.deepEqual(where(rule, facts), []);
  });
});

describe('pinned-requirements share', () => {
  const file = (path: string, requirements: number, pinned: number) => ({ path, line: 1, requirements, pinned, hashed: false, includes: [] });
  const facts = factsOf({ requirementsFiles: [file('requirements.txt', 10, 9), file('other/requirements.txt', 10, 8)] });

  it('by default needs every requirement pinned', () => {
    assert.deepEqual(where({ id: 'p', kind: 'pinned-requirements' }, facts), []);
  });

  it('with a share, accepts files pinned at least that far', () => {
    const [signal, ...rest] = evaluateRule({ id: 'p', kind: 'pinned-requirements', share: 0.9 }, facts, 'p');
    assert.equal(signal.path, 'requirements.txt');
    assert.equal(signal.detail, '9 of 10 requirements pinned');
    assert.deepEqual(rest, []);
  });
});

describe('together', () => {
  const web: DetectionRule = { id: 'web', kind: 'import', modules: ['flask'] };
  const load: DetectionRule = { id: 'load', kind: 'call', names: ['joblib.load'] };

  it('in one file: only where both match, placed at the first sub-rule and naming the other', () => {
    const facts = factsOf({
      imports: [imp('app.py', 'flask'), imp('other.py', 'flask')],
      calls: [call('app.py', 'joblib.load', 7), call('train.py', 'joblib.load', 3)],
    });
    const signals = evaluateRule({ id: 't', kind: 'together', rules: [web, load] }, facts, 'p');
    assert.deepEqual(signals.map((s) => `${s.path}:${s.line} ${s.detail}`), ['app.py:1 import flask with joblib.load()']);
  });

  it('through imports: the modules the file imports, and theirs, count; unrelated files do not', () => {
    const facts = factsOf({
      paths: ['app.py', 'src/__init__.py', 'src/pipeline/__init__.py', 'src/pipeline/predict.py', 'src/utils.py', 'train.py'],
      imports: [imp('app.py', 'flask'), imp('app.py', 'src.pipeline.predict'), imp('src/pipeline/predict.py', 'src.utils')],
      calls: [call('src/utils.py', 'joblib.load', 9), call('train.py', 'joblib.load', 3)],
    });
    const rule: DetectionRule = { id: 't', kind: 'together', scope: 'imports', rules: [web, load] };
    const [signal] = evaluateRule(rule, facts, 'p');
    assert.equal(signal.detail, 'import flask with joblib.load() in src/utils.py');
    const alone = factsOf({ ...facts, imports: [imp('app.py', 'flask')] });
    assert.deepEqual(where(rule, alone), []);
  });

  it("through imports: a package's __init__.py counts, what it imports is not followed", () => {
    const facts = factsOf({
      paths: ['app.py', 'lib/__init__.py', 'lib/models.py'],
      imports: [imp('app.py', 'flask'), imp('app.py', 'lib'), imp('lib/__init__.py', 'lib.models')],
      calls: [call('lib/models.py', 'joblib.load')],
    });
    assert.deepEqual(where({ id: 't', kind: 'together', scope: 'imports', rules: [web, load] }, facts), []);
  });

  it('through imports: relative imports resolve from the importing package, up as many folders as dots', () => {
    const facts = factsOf({
      paths: ['api/main.py', 'api/routes/predict.py', 'api/model/loader.py', 'api/model/__init__.py', 'loader.py'],
      imports: [imp('api/routes/predict.py', 'flask'), { ...imp('api/routes/predict.py', '..model'), names: ['loader'] }],
      calls: [call('api/model/loader.py', 'joblib.load', 4), call('loader.py', 'joblib.load', 4)],
    });
    const rule: DetectionRule = { id: 't', kind: 'together', scope: 'imports', rules: [web, load] };
    assert.deepEqual(evaluateRule(rule, facts, 'p').map((s) => s.detail), ['import flask with joblib.load() in api/model/loader.py']);
    const tooHigh = factsOf({ ...facts, imports: [imp('api/routes/predict.py', 'flask'), { ...imp('api/routes/predict.py', '....model'), names: ['loader'] }] });
    assert.deepEqual(where(rule, tooHigh), []);
  });

  it("through imports: a name imported from a package reaches the module its __init__.py re-exports it from, and only that one", () => {
    const facts = factsOf({
      paths: ['app/routes.py', 'app/services/__init__.py', 'app/services/predict.py', 'app/services/train.py'],
      imports: [
        imp('app/routes.py', 'flask'),
        { ...imp('app/routes.py', 'app.services'), names: ['PredictionService'] },
        { ...imp('app/services/__init__.py', '.predict'), names: ['PredictionService'] },
        { ...imp('app/services/__init__.py', '.train'), names: ['Trainer'] },
      ],
      calls: [call('app/services/predict.py', 'joblib.load', 5), call('app/services/train.py', 'torch.load', 5)],
    });
    const both: DetectionRule = { id: 't', kind: 'together', scope: 'imports', rules: [web, { id: 'load', kind: 'call', names: ['joblib.load', 'torch.load'] }] };
    assert.deepEqual(evaluateRule(both, facts, 'p').map((s) => s.detail), ['import flask with joblib.load() in app/services/predict.py']);
  });

  it('through imports: three imports deep, not four', () => {
    const chain = (length: number) => factsOf({
      paths: Array.from({ length: length + 1 }, (_, n) => `m${n}.py`),
      imports: [imp('m0.py', 'flask'), ...Array.from({ length }, (_, n) => imp(`m${n}.py`, `m${n + 1}`))],
      calls: [call(`m${length}.py`, 'joblib.load')],
    });
    const rule: DetectionRule = { id: 't', kind: 'together', scope: 'imports', rules: [web, load] };
    assert.deepEqual(where(rule, chain(3)), ['m0.py:1']);
    assert.deepEqual(where(rule, chain(4)), []);
  });

  it('in the repository: anywhere, and the sub-rules keep their own excludes', () => {
    const facts = factsOf({ imports: [imp('serve/app.py', 'flask')], calls: [call('tests/test_x.py', 'joblib.load'), call('model/io.py', 'joblib.load')] });
    const rule: DetectionRule = { id: 't', kind: 'together', scope: 'repository', rules: [web, { ...load, exclude: ['**/model/**'] }] };
    assert.deepEqual(evaluateRule(rule, facts, 'p').map((s) => s.detail), ['import flask with joblib.load() in tests/test_x.py']);
  });

  it('flattenRules lists nested sub-rules for the scanner to plan reads', () => {
    const content: DetectionRule = { id: 'c', kind: 'content', files: ['**/*.py'], pattern: 'x' };
    assert.deepEqual(flattenRules([{ id: 't', kind: 'together', rules: [web, content] }]).map((r) => r.id), ['t', 'web', 'c']);
  });
});

describe('rule kind registry', () => {
  it('a rule that states no strength gets its kind\'s default, as the loader gives it', () => {
    const facts = factsOf({ dependencies: [{ path: 'requirements.txt', line: 1, name: 'mlflow', spec: '', pinned: false, source: 'requirements' }] });
    assert.equal(evaluateRule({ id: 'd', kind: 'dependency', names: ['mlflow'] }, facts, 'p')[0].strength, 'mentioned');
    assert.equal(evaluateRule({ id: 'd', kind: 'dependency', names: ['mlflow'], strength: 'ci' }, facts, 'p')[0].strength, 'ci');
  });
});
