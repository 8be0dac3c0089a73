/** `.mlops-lens.yaml` text holding one custom practice, for tests of config validation. */

export interface CustomPracticeOptions {
  id?: string;
  dimension?: string;
  /** A `source#claim` the knowledge base under test defines. */
  evidence?: string;
}

/** One custom practice whose `detect:` value is given (a flow list, or a block after a newline). */
export function customPracticeConfig(detect: string, options: CustomPracticeOptions = {}): string {
  const { id = 'mine', dimension = 'governance', evidence = 'mlops-principles-2024#manual-steps' } = options;
  return [
    'practices:',
    `  - id: ${id}`,
    '    title: T',
    `    dimension: ${dimension}`,
    '    level: 2',
    '    why: W',
    `    evidence: [{ref: ${evidence}, supports: need}]`,
    '    benefits: [fewer-errors]',
    '    effort: low',
    `    detect:${detect.startsWith('\n') ? '' : ' '}${detect}`,
    '    remediation: {firstStep: F, path: P}',
  ].join('\n');
}
