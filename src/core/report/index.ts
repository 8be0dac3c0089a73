/**
 * One entry point for all output formats, used by the CLI (`--format`) and the editor.
 */
import type { Report } from '../model/report';
import { renderCodeQuality } from './codequality';
import { renderGithub } from './github';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown, type MarkdownOptions } from './markdown';
import { renderSarif, type SarifOptions } from './sarif';
import { renderText } from './text';

export type ReportFormat = 'text' | 'json' | 'markdown' | 'sarif' | 'html' | 'github' | 'codequality';

/** Every format, in the order help text lists them. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'markdown', 'sarif', 'html', 'github', 'codequality'];

export interface RenderOptions extends SarifOptions, MarkdownOptions {
  /** ANSI colours in the text format (ignored by the others). */
  color?: boolean;
  /** Text format: wrap prose to this many columns. */
  width?: number;
  /** Text format: only the verdict and the next steps. */
  summary?: boolean;
}

/** Renders the report in the given format. */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'text': return renderText(report, { color: options.color ?? false, ...(options.width && { width: options.width }), ...(options.summary && { summary: true }) });
    case 'json': return renderJson(report);
    case 'markdown': return renderMarkdown(report, options);
    case 'sarif': return renderSarif(report, options);
    case 'html': return renderHtml(report);
    case 'github': return renderGithub(report, options.knowledge, options.pathPrefix);
    case 'codequality': return renderCodeQuality(report, options.knowledge, options.pathPrefix);
  }
}
