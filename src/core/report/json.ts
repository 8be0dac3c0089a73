/**
 * The JSON report: the `Report` object itself, described by `schema/report.schema.json`.
 * The report is built in schema order, so plain serialisation is already stable.
 */
import type { Report } from '../model/report';

/** Renders the report as pretty-printed JSON with a trailing newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
