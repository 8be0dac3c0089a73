/** The files the fact-based rule kinds read their evidence from: their extractors' files. */
import { ciExtractors } from '../../facts/ci';
import { extractor as dockerfile } from '../../facts/dockerfile';
import { extractor as condaEnv } from '../../facts/python/condaEnv';
import { extractor as pipfile } from '../../facts/python/pipfile';
import { extractor as pyproject } from '../../facts/python/pyproject';
import { extractor as requirementsTxt } from '../../facts/python/requirementsTxt';
import { extractor as setupPy } from '../../facts/python/setupPy';
import type { EvidenceFiles } from './kind';

export const CI_FILES: EvidenceFiles = { globs: ciExtractors.flatMap((e) => e.files), parsed: true };
export const DEPENDENCY_FILES: EvidenceFiles = { globs: [requirementsTxt, pyproject, setupPy, pipfile, condaEnv].flatMap((e) => e.files), parsed: true };
export const DOCKERFILES: EvidenceFiles = { globs: dockerfile.files, parsed: true };
