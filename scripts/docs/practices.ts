/** `docs/practices/*.md`: one page per practice, from its knowledge file and the sources it cites. */
import type { DetectionRule, KnowledgeBase, Practice, RuleExample } from '../../src/core/model/knowledge';
import { kindOf } from '../../src/core/engine/kinds';
import { fence, GENERATED_NOTE, mdTable } from '../markdown';

/** The index page and one page per practice, by path relative to `docs/practices/`. */
export function renderPractices(kb: KnowledgeBase): Map<string, string> {
  const pages = new Map<string, string>();
  const practices = [...kb.practices].sort((a, b) => a.level - b.level || a.id.localeCompare(b.id));
  pages.set('README.md', [
    '# Practices',
    '',
    GENERATED_NOTE,
    '',
    'What MLOps Lens looks for, practice by practice: what is detected and how strongly, each rule\'s examples (inputs it',
    'must fire on and near misses it must not), the evidence behind the practice, and the first step to take.',
    'Rule kinds are described in [../rule-kinds.md](../rule-kinds.md).',
    '',
    mdTable(['practice', 'dimension', 'expected from level', 'rules', 'rules with examples'], practices.map((p) => {
      const rules = p.detect;
      return [`[${p.title}](${p.id}.md)`, dimensionTitle(kb, p.dimension), String(p.level), String(rules.length), String(rules.filter((r) => (r.examples ?? []).length > 0).length)];
    })),
    '',
  ].join('\n'));
  for (const p of practices) pages.set(`${p.id}.md`, renderPractice(kb, p));
  return pages;
}

function dimensionTitle(kb: KnowledgeBase, id: string): string {
  return kb.dimensions.find((d) => d.id === id)?.title ?? id;
}

function renderPractice(kb: KnowledgeBase, p: Practice): string {
  const parts = [
    `# ${p.title}`,
    '',
    GENERATED_NOTE,
    '',
    `\`${p.id}\` · ${dimensionTitle(kb, p.dimension)} · expected from level ${p.level} · effort ${p.effort}`,
    '',
    p.why,
    '',
    `**Present** needs a signal of strength \`${p.require}\` or stronger (\`mentioned\` < \`configured\` < \`ci\`); weaker signals make it **partial**.`,
    '',
    '## Evidence',
    '',
    ...(p.citations.every((c) => c.indirect) ? ['No cited source addresses this practice itself: its support is indirect (expert convention).', ''] : []),
    ...p.citations.map((c) => `- *${c.supports}${c.indirect ? ', indirect' : ''}*: ${evidenceLine(kb, c.ref)}${c.indirect && c.note ? ` — indirect: ${c.note}` : ''}`),
    '',
    '## What is detected',
    '',
    mdTable(['rule', 'kind', 'strength', 'tool', 'looks for'], p.detect.map((r) => [
      `[\`${r.id}\`](#${anchor(r.id)})`, `\`${r.kind}\``, r.strength ?? kindOf(r).defaultStrength, r.tool ?? '', lookFor(r),
    ])),
    '',
  ];
  if (p.checks.length > 0) {
    parts.push('## Checks (located findings)', '', mdTable(['check', 'kind', 'message'], p.checks.map((c) => [`\`${c.id}\``, `\`${c.kind}\``, c.message])), '');
  }
  parts.push('## Rules and their examples', '');
  for (const rule of p.detect) parts.push(...ruleSection(rule));
  parts.push('## First step', '', p.remediation.firstStep, '', p.remediation.path, '');
  if (p.remediation.template) parts.push(`Starter file: \`${p.remediation.template.path}\` (the editor's *Create Starter File* writes it).`, '');
  return parts.join('\n');
}

function evidenceLine(kb: KnowledgeBase, ref: string): string {
  const [sourceId, claimId] = ref.split('#');
  const source = kb.sources.find((s) => s.id === sourceId);
  const claim = source?.claims.find((c) => c.id === claimId);
  if (!source || !claim) return `\`${ref}\``;
  const flag = claim.unverified ? ' *(unverified: seen only in a secondary summary)*' : '';
  return `${claim.statement}${flag} — [${source.title}](${source.url}) (${source.authors.join(', ')}, ${source.year}), ${claim.locator}`;
}

/** GitHub's heading anchors: lower case, spaces to dashes, punctuation dropped. */
function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

/** A rule's own fields, compactly: `glob: dvc.yaml, **\/dvc.yaml`. */
function lookFor(rule: DetectionRule): string {
  const own = Object.keys(kindOf(rule).fields);
  const record = rule as unknown as Record<string, unknown>;
  const show = (value: unknown): string => {
    if (Array.isArray(value)) return value.map(show).join(', ');
    if (value !== null && typeof value === 'object') {
      if ('kind' in value && 'id' in value) return `${String((value as { id: unknown }).id)} (${String((value as { kind: unknown }).kind)})`;
      return Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`).join('; ');
    }
    return `\`${String(value)}\``;
  };
  const fields = own.filter((k) => record[k] !== undefined).map((k) => `${k}: ${show(record[k])}`);
  if (rule.exclude) fields.push(`exclude: ${show(rule.exclude)}`);
  return fields.join('<br>');
}

function ruleSection(rule: DetectionRule): string[] {
  const examples = rule.examples ?? [];
  const lines = [`### ${rule.id}`, ''];
  if (examples.length === 0) return [...lines, '*No examples yet.*', ''];
  for (const example of examples) lines.push(...exampleLines(example));
  return lines;
}

function exampleLines(example: RuleExample): string[] {
  const verdict = example.expect === 'none' ? 'Must **not** fire' : `Fires (\`${example.expect}\`)`;
  const lines = [`${verdict}${example.note ? `: ${example.note}` : ''}`, ''];
  for (const file of example.files) lines.push(`\`${file.path}\``, '', fence(file.text), '');
  return lines;
}
