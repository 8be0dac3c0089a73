/** Pipenv `Pipfile` dependencies: `[packages]` and `[dev-packages]`. */
import type { PythonDependency } from '../../model/facts';
import type { Extractor } from '../extractor';
import { asRecord } from '../yamlSource';
import { isExactSpec, normalizeDistName, declaredConstraint } from './requirementName';
import { parseToml, TomlLines } from './tomlSource';

const PACKAGE_TABLES = ['packages', 'dev-packages'];

export const extractor: Extractor = {
  id: 'pipfile',
  files: ['**/Pipfile'],
  extract(file) {
    const document = parseToml(file.text);
    const lines = new TomlLines(file.text);
    const dependencies: PythonDependency[] = [];
    for (const table of PACKAGE_TABLES) {
      for (const [key, value] of Object.entries(asRecord(document[table]) ?? {})) {
        // Pipenv versions are PEP 440 specifiers: `"*"` is anything, `"==1.2"` a pin.
        const { spec, pinned } = declaredConstraint(value, isExactSpec);
        dependencies.push({ path: file.path, line: lines.keyLine(key, table), name: normalizeDistName(key), spec, pinned, source: 'pipfile' });
      }
    }
    return { dependencies };
  },
};
