/**
 * GitHub Actions workflow commands (`::warning file=…,line=…,title=…::message`): printed by
 * a workflow step, each issue becomes an annotation on the file and line, with or without
 * code scanning. Values are escaped as the runner expects, so repository text cannot end
 * a command early or start another.
 */
import type { KnowledgeBase } from '../model/knowledge';
import type { Report } from '../model/report';
import { reportIssues } from './issues';
import { singleLine, stripControl } from './sanitize';

/** Renders the report's issues as workflow commands, one line each. */
export function renderGithub(report: Report, knowledge?: Pick<KnowledgeBase, 'practices'>, pathPrefix?: string): string {
  const lines = reportIssues(report, knowledge, pathPrefix).map((i) => {
    const properties = [`file=${property(i.path)}`, ...(i.line !== undefined ? [`line=${i.line}`] : []), `title=${property(i.title)}`].join(',');
    return `::${i.severity} ${properties}::${data(i.message)}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** A command's message: `%`, CR and LF escaped (control characters dropped first). */
function data(text: string): string {
  return singleLine(stripControl(text)).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: also `:` and `,`, which would end it. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
