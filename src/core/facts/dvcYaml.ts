/** DVC pipelines (`dvc.yaml`): stages with their commands, dependencies and outputs. */
import type { DvcStage } from '../model/facts';
import type { Extractor } from './extractor';
import { asRecord, asStrings } from './yamlSource';
import { asList, yamlRoot } from './yamlShape';

export const extractor: Extractor = {
  id: 'dvc-yaml',
  files: ['**/dvc.yaml'],
  extract(file) {
    const parsed = yamlRoot(file.text);
    if (!parsed) return {};
    const { doc, root } = parsed;
    const stages = Object.entries(asRecord(root.stages) ?? {}).flatMap(([name, value]): DvcStage[] => {
      const stage = asRecord(value);
      // `foreach` stages keep their definition in `do`; `matrix` stages keep it inline.
      const body = asRecord(stage?.do) ?? stage;
      if (!body) return [];
      return [{
        path: file.path,
        line: doc.lineOf(['stages', name]),
        name,
        cmd: asStrings(body.cmd),
        deps: asStrings(body.deps),
        outs: pathEntries(body.outs),
        params: paramEntries(body.params),
        metrics: pathEntries(body.metrics),
        plots: pathEntries(body.plots),
      }];
    });
    return { dvc: [{ path: file.path, stages, artifacts: Object.keys(asRecord(root.artifacts) ?? {}) }] };
  },
};

/** Output-like lists: `- path` or `- path: {cache: false}`. */
function pathEntries(value: unknown): string[] {
  return asList(value).flatMap((entry) => typeof entry === 'string' ? [entry] : Object.keys(asRecord(entry) ?? {}));
}

/** `- key` from params.yaml, or `- file.yaml: [key, ...]` (file name, then its keys; no keys means all). */
function paramEntries(value: unknown): string[] {
  return asList(value).flatMap((entry) => typeof entry === 'string'
    ? [entry]
    : Object.entries(asRecord(entry) ?? {}).flatMap(([paramsFile, keys]) => [paramsFile, ...asStrings(keys)]));
}
