/**
 * Conda environment files: conda match specs under `dependencies`, and the PEP 508
 * requirements of a nested `- pip: [...]` list. `python` itself is not a dependency.
 */
import type { PythonDependency } from '../../model/facts';
import type { Extractor } from '../extractor';
import { asRecord, parseYaml } from '../yamlSource';
import { normalizeDistName, parseRequirement, type Requirement } from './requirementName';

/** `[channel::]name[ ]constraint`, e.g. `conda-forge::numpy=1.26.4=py311h...`. */
const CONDA_SPEC = /^(?:[^:\s]+::)?([A-Za-z0-9_.-]+)\s*(.*)$/s;

export const extractor: Extractor = {
  id: 'conda-env',
  files: ['**/environment.yml', '**/environment.yaml', '**/conda.yml', '**/conda.yaml'],
  extract(file) {
    const doc = parseYaml(file.text)[0];
    const entries = asRecord(doc?.value)?.dependencies;
    if (!doc || !Array.isArray(entries)) return {};
    const dependencies: PythonDependency[] = [];
    const add = (requirement: Requirement | undefined, keyPath: Array<string | number>) => {
      if (requirement?.name === undefined || requirement.name === 'python') return;
      const { name, spec, pinned } = requirement;
      dependencies.push({ path: file.path, line: doc.lineOf(keyPath), name, spec, pinned, source: 'conda' });
    };
    entries.forEach((entry: unknown, index) => {
      if (typeof entry === 'string') {
        add(parseCondaSpec(entry), ['dependencies', index]);
        return;
      }
      const pip = asRecord(entry)?.pip;
      if (!Array.isArray(pip)) return;
      pip.forEach((requirement: unknown, pipIndex) => {
        // Option lines (`-r file`, `--index-url ...`, `-e .`) declare no named dependency.
        if (typeof requirement === 'string' && !requirement.trim().startsWith('-')) {
          add(parseRequirement(requirement), ['dependencies', index, 'pip', pipIndex]);
        }
      });
    });
    return { dependencies };
  },
};

/**
 * A conda match spec. Pinned: `==x`, or a single `=` / space with a full version
 * (at least `x.y.z`, since `=1.26` means `1.26.*`) or with a build string.
 */
function parseCondaSpec(text: string): Requirement | undefined {
  const match = CONDA_SPEC.exec(text.trim());
  if (!match) return undefined;
  const spec = match[2].trim();
  return { name: normalizeDistName(match[1]), spec, pinned: isCondaPin(spec) };
}

function isCondaPin(spec: string): boolean {
  if (!spec || spec.includes('*') || /[<>!~|,]/.test(spec)) return false;
  if (spec.startsWith('==')) return spec.length > 2;
  const [version, build] = spec.replace(/^=/, '').split(/[=\s]+/);
  return Boolean(build) || version.split('.').length >= 3;
}
