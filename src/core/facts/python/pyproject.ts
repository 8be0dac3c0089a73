/**
 * `pyproject.toml` dependencies: PEP 621 `[project]`, Poetry, PDM and uv dev
 * dependencies, and PEP 735 `[dependency-groups]`.
 */
import type { PythonDependency } from '../../model/facts';
import type { Extractor } from '../extractor';
import { asRecord, asStrings } from '../yamlSource';
import { isExactSpec, normalizeDistName, parseRequirement, declaredConstraint } from './requirementName';
import { parseToml, TomlLines } from './tomlSource';

export const extractor: Extractor = {
  id: 'pyproject',
  files: ['**/pyproject.toml'],
  extract(file) {
    const document = parseToml(file.text);
    const lines = new TomlLines(file.text);
    const dependencies: PythonDependency[] = [];

    const addDependency = (name: string, spec: string, pinned: boolean, line: number | undefined) => {
      dependencies.push({ path: file.path, line, name, spec, pinned, source: 'pyproject' });
    };
    /** A list of PEP 508 strings; tables such as `{include-group = ...}` are skipped. */
    const addRequirements = (entries: unknown, table: string) => {
      for (const entry of asStrings(entries)) {
        // PDM lists editable local packages as `-e file:///...`.
        const requirement = parseRequirement(entry.replace(/^-e\s+/, ''));
        if (requirement?.name !== undefined) {
          addDependency(requirement.name, requirement.spec, requirement.pinned, lines.stringLine(entry, table));
        }
      }
    };
    const addRequirementGroups = (groups: unknown, table: string) => {
      for (const entries of Object.values(asRecord(groups) ?? {})) addRequirements(entries, table);
    };
    /** A Poetry table of `name = constraint`. */
    const addPoetryTable = (entries: unknown, table: string) => {
      for (const [key, value] of Object.entries(asRecord(entries) ?? {})) {
        const name = normalizeDistName(key);
        if (name === 'python') continue;
        const { spec, pinned } = poetryConstraint(value);
        addDependency(name, spec, pinned, lines.keyLine(key, table));
      }
    };

    const project = asRecord(document.project);
    addRequirements(project?.dependencies, 'project');
    addRequirementGroups(project?.['optional-dependencies'], 'project.optional-dependencies');

    const tool = asRecord(document.tool);
    const poetry = asRecord(tool?.poetry);
    addPoetryTable(poetry?.dependencies, 'tool.poetry.dependencies');
    addPoetryTable(poetry?.['dev-dependencies'], 'tool.poetry.dev-dependencies');
    for (const [group, value] of Object.entries(asRecord(poetry?.group) ?? {})) {
      addPoetryTable(asRecord(value)?.dependencies, `tool.poetry.group.${group}.dependencies`);
    }

    addRequirementGroups(asRecord(tool?.pdm)?.['dev-dependencies'], 'tool.pdm.dev-dependencies');
    addRequirements(asRecord(tool?.uv)?.['dev-dependencies'], 'tool.uv');
    addRequirementGroups(document['dependency-groups'], 'dependency-groups');
    return { dependencies };
  },
};

/** Poetry pins with a bare version (`"1.2.3"`) or `=` / `==` (`^` and `~` are ranges). */
function isPoetryExact(version: string): boolean {
  return isExactSpec(version) || /^=?\s*\d[0-9A-Za-z.+!-]*$/.test(version);
}

/**
 * A Poetry constraint: a string, a table (`{version = ...}`, `{git = ...}`, `{path = ...}`)
 * or a list of tables for different environments (pinned only when every one is).
 */
function poetryConstraint(value: unknown): { spec: string; pinned: boolean } {
  if (Array.isArray(value)) {
    const alternatives = value.map(poetryConstraint);
    return {
      spec: alternatives.map((a) => a.spec).filter(Boolean).join(' || '),
      pinned: alternatives.length > 0 && alternatives.every((a) => a.pinned),
    };
  }
  return declaredConstraint(value, isPoetryExact);
}
