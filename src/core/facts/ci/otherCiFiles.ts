/**
 * CI files known by their place (GitHub workflows, GitLab, Bitbucket, CircleCI, Travis,
 * Jenkins): extractors that recognise CI files by their content leave these alone.
 */
import { globMatcher } from '../../scan/globs';

export const NAMED_CI_FILES = [
  '**/.github/workflows/*.{yml,yaml}',
  '.gitlab-ci.yml', '**/*.gitlab-ci.{yml,yaml}', '.gitlab/ci/**/*.yml',
  'bitbucket-pipelines.{yml,yaml}',
  '.circleci/config.{yml,yaml}',
  '.travis.yml',
  '**/Jenkinsfile', '**/Jenkinsfile.*',
];

export const isOtherCiFile = globMatcher(NAMED_CI_FILES);
