/** The Python-side fact extractors: dependency declarations, sources and notebooks. */
import type { Extractor } from '../extractor';
import { extractor as condaEnv } from './condaEnv';
import { extractor as notebook } from './notebook';
import { extractor as pipfile } from './pipfile';
import { extractor as pyproject } from './pyproject';
import { extractor as pythonSource } from './pythonSource';
import { extractor as requirementsTxt } from './requirementsTxt';
import { extractor as setupPy } from './setupPy';

export const pythonExtractors: Extractor[] = [
  requirementsTxt,
  pyproject,
  setupPy,
  pipfile,
  condaEnv,
  pythonSource,
  notebook,
];
