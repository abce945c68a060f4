import { inertJson } from './controls.js';
import type { Report } from './model.js';

/**
 * Version of the JSON report's shape (schema/report.schema.json). 2: findings carry `messageId`
 * and `params`. Reports before it had no version (read as 1).
 */
export const REPORT_SCHEMA_VERSION = 4;

/** The machine contract (schema/report.schema.json): stable key order, two-space indent, newline at end. */
export function formatJson(report: Report): string {
  const { tool, ...rest } = report;
  return inertJson(`${JSON.stringify({ tool, schemaVersion: REPORT_SCHEMA_VERSION, ...rest }, null, 2)}\n`);
}
