/**
 * A hand-built, realistic report for the renderer tests: practices in every status, two
 * trade-offs, more recommendations and signals than the renderers list, and
 * repository-derived strings that try to attack each output format.
 */
import type { Report, Signal } from '../../../src/core/model/report';

/** Hostile repository-derived strings, each placed somewhere in the sample report. */
export const HOSTILE = {
  /** A file name that is an HTML injection. */
  htmlPath: 'src/<img src=x onerror=alert(1)>.py',
  /** Matched text that is a Markdown link. */
  markdownLink: '[link](http://evil)',
  /** Terminal colour, then an OSC sequence that sets the window title. */
  ansi: 'mlflow\u001b[31m.log_metric\u001b]0;pwned\u0007',
  /** A right-to-left override (Trojan Source). */
  bidi: 'tests/test_\u202emodel\u202c.py',
  /** A path with backticks, for Markdown code spans. */
  backtickPath: 'notebooks/``weird`.ipynb',
  /** A 5000-character line (e.g. from a minified file). */
  long: 'A'.repeat(5000),
} as const;

function signal(path: string, line: number | undefined, rule: string, extra: Partial<Signal> = {}): Signal {
  return { path, ...(line === undefined ? {} : { line }), rule, strength: 'configured', ...extra };
}

/** A fresh copy of the sample report (tests may modify it). */
export function sampleReport(): Report {
  return {
    schemaVersion: '1.2.0',
    tool: { name: 'mlops-lens', version: '0.1.0' },
    root: 'churn-prediction\u001b[2J',
    stage: { id: 'pilot', inferred: true, reason: 'from experiment-tracking, containerization' },
    level: {
      current: 2,
      name: 'Reproducible pipelines',
      target: 3,
      targetName: 'Automated training',
      decidedBy: 'Data and code are versioned and training runs as a pipeline, but nothing retrains in CI.',
      foundationGaps: [{
        practice: 'dependency-pinning',
        title: 'Pinned dependencies <b>',
        alternatives: [],
        level: 1,
        status: 'partial',
        why: 'Unpinned requirements make results drift `silently`.',
        firstStep: 'Pin every requirement with == (see [docs](http://x) <img src=x>).',
      }],
      next: { level: 3, name: 'Automated training', missing: ['ci-training', 'model-registry'], requirements: [['ci-training'], ['model-registry']] },
    },
    dimensions: {
      data: 63, versioning: 100, experiments: 100, pipelines: 50, testing: 50,
      automation: 0, deployment: 0, monitoring: 0, governance: 33,
    },
    dimensionDetails: [
      { id: 'data', title: 'Data management', score: 63, present: 1, partial: 0, absent: 0, notAvailable: 0 },
      { id: 'versioning', title: 'Versioning', score: 100, present: 1, partial: 0, absent: 0, notAvailable: 0 },
      { id: 'experiments', title: 'Experiment management', score: 100, present: 1, partial: 0, absent: 0, notAvailable: 0 },
      { id: 'pipelines', title: 'Pipelines and environments', score: 50, present: 0, partial: 1, absent: 0, notAvailable: 0 },
      { id: 'testing', title: 'Testing', score: 50, present: 0, partial: 1, absent: 0, notAvailable: 0 },
      { id: 'automation', title: 'Automation', score: 0, present: 0, partial: 0, absent: 1, notAvailable: 0 },
      { id: 'deployment', title: 'Deployment', score: 0, present: 0, partial: 0, absent: 1, notAvailable: 0 },
      { id: 'monitoring', title: 'Monitoring', score: 0, present: 0, partial: 0, absent: 1, notAvailable: 0 },
      { id: 'governance', title: 'Governance', score: 33, present: 0, partial: 0, absent: 1, notAvailable: 0 },
    ],
    score: 44,
    practices: [
      {
        id: 'data-versioning', title: 'Data versioning', dimension: 'data', level: 1, status: 'present',
        confidence: 'high', evidence: ['amershi2019#data-management', 'kreuzberger2023#versioning'],
        signals: [
          signal('dvc.yaml', 3, 'data-versioning/dvc-yaml', { tool: 'dvc' }),
          signal('data/raw.csv.dvc', 1, 'data-versioning/dvc-file', { tool: 'dvc' }),
          signal('data/labels.csv.dvc', 1, 'data-versioning/dvc-file', { tool: 'dvc' }),
          signal('.github/workflows/train.yml', 22, 'data-versioning/dvc-pull', { strength: 'ci', detail: 'dvc pull' }),
          signal('requirements.txt', 4, 'data-versioning/dependency', { strength: 'mentioned', detail: 'dvc' }),
        ],
      },
      {
        id: 'feature-store', title: 'Feature store', dimension: 'data', level: 3, status: 'suppressed',
        confidence: 'high', evidence: ['kreuzberger2023#feature-store'], signals: [],
        suppressedReason: `batch scoring only\u001b[31m, no online features ${HOSTILE.long}`,
      },
      {
        id: 'code-versioning', title: 'Code and dependency versioning', dimension: 'versioning', level: 0,
        status: 'present', confidence: 'high', evidence: ['serban2020#versioning'],
        signals: [signal('requirements.txt', undefined, 'code-versioning/pinned-requirements')],
      },
      {
        id: 'experiment-tracking', title: 'Experiment tracking', dimension: 'experiments', level: 1,
        status: 'present', confidence: 'high', evidence: ['kreuzberger2023#experiment-tracking'],
        signals: [
          signal(HOSTILE.htmlPath, 12, 'experiment-tracking/mlflow-call', { tool: 'mlflow', detail: HOSTILE.markdownLink }),
          signal('src/train.py', 40, 'experiment-tracking/mlflow-call', { tool: 'mlflow', detail: HOSTILE.ansi }),
          signal(HOSTILE.backtickPath, 2, 'experiment-tracking/wandb-import', { tool: 'wandb', detail: 'wandb' }),
        ],
      },
      {
        id: 'pipeline-orchestration', title: 'Training pipeline as code', dimension: 'pipelines', level: 2,
        status: 'partial', confidence: 'medium', evidence: ['google-mlops#level-1'],
        signals: [signal('Makefile', 7, 'pipeline-orchestration/make-train', { strength: 'mentioned', detail: 'python train.py' })],
      },
      {
        id: 'unit-tests', title: 'Unit tests', dimension: 'testing', level: 1, status: 'partial',
        confidence: 'high', evidence: ['serban2020#testing', 'amershi2019#testing'],
        signals: [signal(HOSTILE.bidi, 1, 'unit-tests/pytest-file', { strength: 'mentioned', detail: HOSTILE.long })],
      },
      {
        id: 'ci-training', title: 'Training in CI', dimension: 'automation', level: 3, status: 'absent',
        confidence: 'high', evidence: ['google-mlops#level-1'], signals: [],
      },
      {
        id: 'model-registry', title: 'Model registry', dimension: 'deployment', level: 3, status: 'absent',
        confidence: 'high', evidence: ['kreuzberger2023#model-registry'], signals: [],
      },
      {
        id: 'drift-monitoring', title: 'Drift monitoring', dimension: 'monitoring', level: 4, status: 'absent',
        confidence: 'low', evidence: ['kreuzberger2023#monitoring'], signals: [],
      },
      {
        id: 'model-cards', title: 'Model cards', dimension: 'governance', level: 2, status: 'absent',
        confidence: 'high', evidence: ['mitchell2019#model-cards'], signals: [],
      },
    ],
    tradeoffs: [
      {
        id: 'overlapping-trackers', title: 'Two experiment trackers', severity: 'warning',
        message: 'Runs are logged to both MLflow and Weights & Biases, so results are split across two systems.',
        action: 'Pick one tracker and migrate the other\'s runs.',
        evidence: ['serban2020#tool-sprawl', 'kreuzberger2023#experiment-tracking'],
        signals: [
          signal(HOSTILE.htmlPath, 12, 'experiment-tracking/mlflow-call', { tool: 'mlflow' }),
          signal(HOSTILE.backtickPath, 2, 'experiment-tracking/wandb-import', { tool: 'wandb' }),
        ],
      },
      {
        id: 'automation-before-tests', title: 'Automation without tests', severity: 'info',
        message: 'Pipelines are automated before the code they run is tested.',
        action: 'Add unit tests for feature code before automating retraining.',
        evidence: ['amershi2019#testing'], signals: [],
      },
    ],
    findings: [
      {
        id: 'pipeline-orchestration/unpinned-base-image', practice: 'pipeline-orchestration', severity: 'warning',
        message: 'Base image `python:latest<img src=x onerror=alert(1)>` is not pinned.', path: 'Dockerfile', line: 1, detail: 'python:latest',
      },
      {
        id: 'unit-tests/training-script-without-seed', practice: 'unit-tests', severity: 'info',
        message: 'This training script sets no random seed.', path: 'src/<img src=x onerror=alert(1)>.py',
      },
      { id: 'model-cards/x', practice: 'model-cards', severity: 'hint', message: 'A hint is not listed.', path: 'serve.py', line: 3 },
    ],
    recommendations: [
      rec('model-cards', 'Model cards', 'Add MODEL_CARD.md describing intended use and metrics.', 'low', 'expected at level 2 (target 3)'),
      rec('unit-tests', 'Unit tests', 'Run pytest in CI on every pull request.', 'low', 'expected at level 1 (target 3)'),
      rec('pipeline-orchestration', 'Training pipeline as code', 'Turn `make train` into a dvc.yaml stage.', 'medium', 'expected at level 2 (target 3)'),
      rec('ci-training', 'Training in CI', 'Add a scheduled workflow that runs `dvc repro`.', 'medium', 'needed for level 3'),
      rec('model-registry', 'Model registry', 'Register the trained model with mlflow.register_model.', 'medium', 'needed for level 3'),
      rec('drift-monitoring', 'Drift monitoring', 'Log input feature statistics for each batch.', 'high', 'expected at level 4'),
    ],
    sources: [
      source('amershi2019', 'Software Engineering for Machine Learning: A Case Study', ['Saleema Amershi', 'Andrew Begel', 'Christian Bird', 'Robert DeLine'], 2019, 'https://doi.org/10.1109/ICSE-SEIP.2019.00042', 'empirical-study'),
      source('kreuzberger2023', 'Machine Learning Operations (MLOps): Overview, Definition, and Architecture', ['Dominik Kreuzberger', 'Niklas Kühl', 'Sebastian Hirschl'], 2023, 'https://doi.org/10.1109/ACCESS.2023.3262138', 'empirical-study'),
      source('serban2020', 'Adoption and Effects of Software Engineering Best Practices in Machine Learning', ['Alex Serban', 'Koen van der Blom', 'Holger Hoos', 'Joost Visser'], 2020, 'https://doi.org/10.1145/3382494.3410681', 'empirical-study'),
      source('google-mlops', 'MLOps: Continuous delivery and automation pipelines in machine learning', ['Google Cloud'], 2020, 'https://cloud.google.com/architecture/mlops-continuous-delivery-and-automation-pipelines-in-machine-learning', 'maturity-model'),
      source('mitchell2019', 'Model Cards for Model Reporting', ['Margaret Mitchell', 'Simone Wu'], 2019, 'https://doi.org/10.1145/3287560.3287596', 'rubric'),
    ],
    scope: [
      {
        kind: 'library',
        message: `library (pyproject.toml declares '${HOSTILE.markdownLink}'; ${HOSTILE.ansi} publishes it): examples/ not counted`,
        paths: ['src/tinylib', 'tests'],
        excluded: ['examples/', HOSTILE.htmlPath],
        excludedFiles: 12,
        practices: ['experiment-tracking', 'drift-monitoring'],
      },
    ],
    warnings: [
      { code: 'parse-error', message: 'unexpected indent', path: 'src/broken.py', line: 3 },
      { code: 'too-large', message: 'file exceeds 1 MB; not read', path: 'data/big.json' },
      { code: 'binary', message: 'binary file skipped', path: HOSTILE.htmlPath },
      { code: 'parse-error', message: `invalid UTF-8 near ${HOSTILE.markdownLink}`, path: HOSTILE.bidi },
      { code: 'parse-error', message: `${HOSTILE.ansi} ${HOSTILE.long}`, path: 'notebooks/eda.ipynb' },
      { code: 'symlink-skipped', message: 'symlink outside the repository', path: 'data/external' },
      { code: 'unreadable', message: 'permission denied', path: 'secrets/.env' },
    ],
    stats: { files: 214, filesRead: 187, bytesRead: 1_482_113 },
  };
}

function rec(practice: string, title: string, firstStep: string, effort: 'low' | 'medium' | 'high', reason: string): Report['recommendations'][number] {
  const priority = { low: 3, medium: 1.5, high: 0.5 }[effort];
  return { practice, title, firstStep, effort, benefits: ['reproducibility'], priority, reason };
}

function source(id: string, title: string, authors: string[], year: number, url: string, kind: Report['sources'][number]['kind']): Report['sources'][number] {
  return { id, title, authors, year, url, kind };
}

/** Characters no rendered output may contain: controls (except tab and newline) and bidi overrides. */
export const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
