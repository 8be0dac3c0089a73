/** A tiny, valid knowledge base as in-memory files, for tests that break one piece of it. */
import type { KnowledgeFile } from '../../../src/core/knowledge/load';

export function miniKnowledgeFiles(): KnowledgeFile[] {
  return [
    { path: 'dimensions.yaml', text: 'dimensions:\n  - id: automation\n    title: Automation\n    description: CI and CD\n' },
    {
      path: 'sources.yaml',
      text: [
        'sources:',
        '  - id: study',
        '    title: A study',
        '    authors: [A. Author]',
        '    year: 2024',
        '    venue: arXiv',
        '    url: https://arxiv.org/abs/0000.00000',
        '    kind: empirical-study',
        '    claims:',
        '      - id: benefit',
        '        statement: Automation reduces errors.',
        '        locator: abstract',
        '      - id: rumour',
        '        statement: A figure seen only in a summary.',
        '        locator: secondary summary',
        '        unverified: true',
        '',
      ].join('\n'),
    },
    { path: 'benefits.yaml', text: 'benefits:\n  - id: fewer-errors\n    title: Fewer errors\n    evidence: [{ref: study#benefit, supports: benefit}]\n' },
    {
      path: 'levels.yaml',
      text: [
        'levels:',
        ...[0, 1, 2, 3, 4].flatMap((l) => [
          `  - level: ${l}`,
          `    name: L${l}`,
          `    description: level ${l}`,
          '    evidence: [{ref: study#benefit, supports: need}]',
          ...(l > 0 ? ['    when: {practice: ci}'] : []),
        ]),
        '',
      ].join('\n'),
    },
    {
      path: 'tradeoffs.yaml',
      text: [
        'tradeoffs:',
        '  - id: no-ci',
        '    title: No CI',
        '    severity: warning',
        '    when: {practice: ci, status: [absent]}',
        '    message: There is no CI.',
        '    action: Add CI.',
        '    evidence: [{ref: study#benefit, supports: need}]',
        '',
      ].join('\n'),
    },
    {
      path: 'stages.yaml',
      text: [
        'stages:',
        '  - {id: production, title: Production, description: p, target: 3, evidence: [{ref: study#benefit, supports: need}], when: {practice: ci}}',
        '  - {id: pilot, title: Pilot, description: p, target: 2, evidence: [{ref: study#benefit, supports: need}], when: {fact: pythonFiles, min: 100}}',
        '  - {id: prototype, title: Prototype, description: p, target: 1, evidence: [{ref: study#benefit, supports: need}]}',
        '',
      ].join('\n'),
    },
    {
      path: 'scoring.yaml',
      text: 'scoring:\n  statusCredit: {present: 1, partial: 0.5, absent: 0}\n  effortCost: {low: 1, medium: 2, high: 3}\n  evidence: [{ref: study#benefit, supports: need}]\n  rationale: Because.\n',
    },
    {
      path: 'scope.yaml',
      text: [
        'scope:',
        '  templates:',
        '    markers:',
        '      - {file: cookiecutter.json, templateDir: ., project: single-expression-folder, renders: all}',
        '    suffixes: [.tmpl]',
        '  bundles: []',
        '  retiredFolders: []',
        '  libraries:',
        "    publishCommands: ['\\btwine\\s+upload\\b']",
        '    publishActions: [pypa/gh-action-pypi-publish]',
        '    publishScripts: [Makefile]',
        '    notTeamFolders: [examples]',
        '    sourceNotEvidenceOf: [ci]',
        '  mlCode:',
        '    modules: [sklearn]',
        '    generalTools: []',
        '',
      ].join('\n'),
    },
    {
      path: 'practices/ci.yaml',
      text: [
        'id: ci',
        'title: Continuous integration',
        'dimension: automation',
        'level: 1',
        'why: CI catches errors early.',
        'evidence: [{ref: study#benefit, supports: need}]',
        'benefits: [fewer-errors]',
        'effort: low',
        'detect:',
        '  - id: github',
        '    kind: file',
        '    glob: [".github/workflows/*.yml"]',
        'remediation:',
        '  firstStep: Add a workflow.',
        '  path: Run tests on every push.',
        '',
      ].join('\n'),
    },
  ];
}

/** The mini files with one file's text replaced. */
export function withFile(path: string, text: string): KnowledgeFile[] {
  return miniKnowledgeFiles().map((f) => (f.path === path ? { path, text } : f));
}
