/** The rule kind registry: one definition per kind, read by the schema, read planning and the config validator. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DetectionRule } from '../../../src/core/model/knowledge';
import { patternsOf, readsOf, RULE_KINDS } from '../../../src/core/engine/kinds';
import { ruleShape } from '../../../src/core/knowledge/schema';
import { checkShape } from '../../../src/core/knowledge/shape';

describe('rule kind registry', () => {
  it('names each definition by its key and documents every field', () => {
    for (const [key, def] of Object.entries(RULE_KINDS)) {
      assert.equal(def.kind, key);
      assert.ok(def.matches.length > 20, `${key}: says what it matches`);
      for (const [name, field] of Object.entries(def.fields)) assert.ok(field.doc.length > 0, `${key}.${name} is documented`);
    }
  });

  it('gives the rule shape one variant per kind: a kind\'s own fields are accepted, another kind\'s are not', () => {
    assert.deepEqual(checkShape({ id: 'a', kind: 'file', glob: ['dvc.yaml'] }, ruleShape), []);
    const issues = checkShape({ id: 'a', kind: 'file', names: ['x'] }, ruleShape).map((i) => i.reason);
    assert.ok(issues.some((r) => r.includes("unknown field 'names'")), issues.join('; '));
    assert.ok(checkShape({ id: 'a', kind: 'nope' }, ruleShape).some((i) => i.reason.startsWith('expected one of file, dependency')));
  });

  it('finds the patterns of nested rules at their place in the rule, ci-trigger ignoreSteps included', () => {
    const rule: DetectionRule = {
      id: 't', kind: 'together', rules: [
        { id: 'c', kind: 'content', files: ['*.py'], pattern: 'serve', alongside: 'load' },
        { id: 'w', kind: 'ci-trigger', triggers: ['push'], ignoreSteps: { patterns: ['echo'] } },
      ],
    };
    assert.deepEqual(patternsOf(rule), [
      { field: ['rules', 0, 'pattern'], pattern: 'serve' },
      { field: ['rules', 0, 'alongside'], pattern: 'load' },
      { field: ['rules', 1, 'ignoreSteps', 'patterns', 0], pattern: 'echo' },
    ]);
  });

  it('plans the reads of nested rules: YAML keys, content globs with their patterns, and the files the editor watches', () => {
    const reads = readsOf([
      { id: 'f', kind: 'file', glob: ['dvc.yaml'] },
      { id: 't', kind: 'together', rules: [{ id: 'y', kind: 'yaml', files: ['*.yml'], key: 'jobs' }, { id: 'c', kind: 'content', files: ['*.sh'], pattern: 'x', unless: 'y', alongside: 'z' }] },
      { id: 'd', kind: 'dependency', names: ['mlflow'] },
    ]);
    assert.deepEqual(reads, { yamlKeys: [{ files: ['*.yml'], key: 'jobs' }], content: [{ files: ['*.sh'], patterns: ['x', 'y'], alongside: 'z' }], watch: ['dvc.yaml', '*.yml', '*.sh'] });
  });
});
