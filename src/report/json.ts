import { inertJson } from './controls.js';
import type { Report } from './model.js';

/** The machine contract (schema/report.schema.json): stable key order, two-space indent, newline at end. */
export function formatJson(report: Report): string {
  return inertJson(`${JSON.stringify(report, null, 2)}\n`);
}
