/**
 * Makefiles read as far as a CI step needs them: each target's prerequisites and recipe
 * lines, with simple variables (`NAME = value`, `:=`, `?=`) expanded once. Conditionals,
 * includes and pattern rules are not interpreted.
 */

export interface MakeTarget {
  line: number;
  prerequisites: string[];
  recipe: { line: number; text: string }[];
}

export interface Makefile {
  targets: Map<string, MakeTarget>;
  /** The target `make` builds when none is named: the first one not starting with `.`. */
  defaultTarget?: string;
}

const RULE = /^([^\s:=#][^:=#]*?)\s*::?(?!=)\s*(.*)$/;
const VARIABLE = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*(?:[:?]?=|::=)\s*(.*)$/;

export function parseMakefile(text: string): Makefile {
  const lines = text.split('\n');
  const variables = new Map<string, string>();
  const targets = new Map<string, MakeTarget>();
  let defaultTarget: string | undefined;
  let current: MakeTarget[] = [];
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i];
    const start = i;
    while (raw.endsWith('\\') && i + 1 < lines.length) raw = `${raw.slice(0, -1)} ${lines[++i].trim()}`;
    if (raw.startsWith('\t')) {
      const text = raw.trim();
      if (text && !text.startsWith('#')) for (const target of current) target.recipe.push({ line: start + 1, text });
      continue;
    }
    const variable = VARIABLE.exec(raw);
    if (variable) {
      variables.set(variable[1], variable[2].replace(/\s+#.*$/, '').trim());
      current = [];
      continue;
    }
    // Conditionals (`ifeq`, `endif`) and comments between recipe lines do not end a recipe.
    const rule = RULE.exec(raw);
    if (!rule) continue;
    const [recipeInline] = rule[2].split(';').slice(1);
    current = rule[1].trim().split(/\s+/).map((name) => {
      const target: MakeTarget = { line: start + 1, prerequisites: rule[2].split(';')[0].trim().split(/\s+/).filter(Boolean), recipe: [] };
      if (recipeInline?.trim()) target.recipe.push({ line: start + 1, text: recipeInline.trim() });
      if (!targets.has(name)) targets.set(name, target);
      if (defaultTarget === undefined && !name.startsWith('.') && !name.includes('%')) defaultTarget = name;
      return targets.get(name)!;
    });
  }
  const expand = (text: string) => text.replace(/\$[({]([A-Za-z_][\w.-]*)[)}]/g, (whole, name: string) => variables.get(name) ?? whole);
  for (const target of targets.values()) {
    target.prerequisites = target.prerequisites.map(expand);
    for (const step of target.recipe) step.text = expand(step.text);
  }
  return { targets, ...(defaultTarget !== undefined ? { defaultTarget } : {}) };
}
