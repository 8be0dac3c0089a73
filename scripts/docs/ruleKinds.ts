/** `docs/rule-kinds.md`: every detection rule kind, from the registry in src/core/engine/kinds. */
import { RULE_KINDS } from '../../src/core/engine/kinds';
import { RULE_BASE_FIELDS } from '../../src/core/engine/kinds/kind';
import { mdTable, GENERATED_NOTE } from '../markdown';

export function renderRuleKinds(): string {
  const kinds = Object.values(RULE_KINDS);
  const fieldList = (fields: Record<string, { optional?: boolean; doc?: string }>) =>
    Object.entries(fields).map(([name, f]) => `\`${name}\`${f.optional ? '?' : ''}: ${f.doc ?? ''}`).join('<br>');
  return [
    '# Detection rule kinds',
    '',
    GENERATED_NOTE,
    '',
    'A practice detects itself with `detect[]` rules, each of one kind. Every rule has these fields:',
    '',
    mdTable(['field', 'meaning'], Object.entries(RULE_BASE_FIELDS).map(([name, f]) => [`\`${name}\`${f.optional ? '?' : ''}`, f.doc ?? ''])),
    '',
    'and the fields of its kind (`?`: optional):',
    '',
    mdTable(['kind', 'fields', 'matches', 'default strength'], kinds.map((k) => [`\`${k.kind}\``, fieldList(k.fields), k.matches, k.defaultStrength])),
    '',
    'Each kind is one module in `src/core/engine/kinds/`: its fields, default strength, what the scan must read,',
    'the patterns it holds and its matcher. The loader, the config validator, read planning, this page and the JSON',
    'Schemas in `schema/` are all made from that registry.',
    '',
  ].join('\n');
}
