/** Every CI system's extractor. */
import type { Extractor } from '../extractor';
import { extractor as azurePipelines } from './azurePipelines';
import { extractor as bitbucket } from './bitbucket';
import { extractor as circleci } from './circleci';
import { extractor as cloudBuild } from './cloudBuild';
import { extractor as codeBuild } from './codeBuild';
import { extractor as codePipeline } from './codePipeline';
import { extractor as githubActions } from './githubActions';
import { extractor as gitlabCi } from './gitlabCi';
import { extractor as jenkinsfile } from './jenkinsfile';
import { extractor as travis } from './travis';

export const ciExtractors: Extractor[] = [
  githubActions, gitlabCi, azurePipelines, jenkinsfile, circleci, bitbucket, travis, cloudBuild, codeBuild, codePipeline,
];
