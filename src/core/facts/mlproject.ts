/** MLflow projects (`MLproject`): environment kind and entry points. */
import type { Mlproject, MlprojectEntryPoint } from '../model/facts';
import type { Extractor } from './extractor';
import { asRecord } from './yamlSource';
import { yamlRoot } from './yamlShape';

/** The environment keys MLflow accepts. */
const ENVIRONMENTS: Record<string, NonNullable<Mlproject['environment']>> = {
  conda_env: 'conda',
  docker_env: 'docker',
  python_env: 'python',
};

export const extractor: Extractor = {
  id: 'mlproject',
  files: ['**/MLproject'],
  extract(file) {
    const parsed = yamlRoot(file.text);
    if (!parsed) return {};
    const { doc, root } = parsed;
    const entries = Object.entries(asRecord(root.entry_points) ?? {});
    const entryPoints = entries.flatMap(([name, value]): MlprojectEntryPoint[] => {
      const entry = asRecord(value);
      if (typeof entry?.command !== 'string') return [];
      return [{
        path: file.path,
        line: doc.lineOf(['entry_points', name]),
        name,
        command: entry.command.trim(),
        parameters: Object.keys(asRecord(entry.parameters) ?? {}),
      }];
    });
    const project: Mlproject = { path: file.path, entryPoints };
    if (typeof root.name === 'string') project.name = root.name;
    const environment = Object.keys(ENVIRONMENTS).find((key) => root[key] !== undefined);
    if (environment) project.environment = ENVIRONMENTS[environment];
    return { mlprojects: [project] };
  },
};
