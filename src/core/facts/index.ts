/** Every fact extractor the scanner runs, one per file format. */
import type { Extractor } from './extractor';
import { ciExtractors } from './ci';
import { pythonExtractors } from './python';
import { extractor as dockerfile } from './dockerfile';
import { extractor as dvcYaml } from './dvcYaml';
import { extractor as manifests } from './manifests';
import { extractor as mlproject } from './mlproject';
import { extractor as readmeSteps } from './readmeSteps';

export const allExtractors: readonly Extractor[] = [
  ...pythonExtractors,
  ...ciExtractors,
  dvcYaml,
  mlproject,
  manifests,
  dockerfile,
  readmeSteps,
];
