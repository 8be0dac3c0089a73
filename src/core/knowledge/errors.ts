/** Errors in the knowledge base or a config file, pointing at file, line and YAML path. */

export interface DataIssue {
  /** File the problem is in, as the user knows it. */
  file: string;
  line?: number;
  column?: number;
  /** YAML path inside the file, e.g. `detect[0].glob`. */
  path: string;
  reason: string;
}

/** One line per issue: `file:line:column: path: reason`. */
export function formatIssue(issue: DataIssue): string {
  const where = [issue.file, issue.line, issue.line !== undefined ? issue.column : undefined].filter((p) => p !== undefined).join(':');
  return `${where}: ${issue.path ? `${issue.path}: ` : ''}${issue.reason}`;
}

/** Thrown when knowledge files or a config file are malformed or inconsistent. */
export class DataError extends Error {
  constructor(readonly kind: 'knowledge' | 'config', readonly issues: DataIssue[]) {
    super(`${kind === 'knowledge' ? 'invalid knowledge base' : 'invalid configuration'}:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
    this.name = 'DataError';
  }
}
