import { inertJson } from './controls.js';
import { renderStreamed, type Report, type ReportStream } from './model.js';

/**
 * Version of the JSON report's shape (schema/report.schema.json). 2: findings carry `messageId`
 * and `params`. Reports before it had no version (read as 1).
 */
export const REPORT_SCHEMA_VERSION = 4;

/** A value as JSON.stringify(…, null, 2) writes it nested `depth` levels deep (strings hold no raw line break). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * The JSON report a document at a time: `{ tool, schemaVersion, documents: [...], summary }` exactly
 * as JSON.stringify(…, null, 2) writes it whole.
 */
export function jsonStream(tool: Report['tool']): ReportStream {
  let count = 0;
  const head = () => `{\n  "tool": ${nested(tool, 1)},\n  "schemaVersion": ${REPORT_SCHEMA_VERSION},\n  "documents": [`;
  return {
    document: (doc) => inertJson(`${count++ === 0 ? head() : ','}\n    ${nested(doc, 2)}`),
    end: (summary) => inertJson(`${count === 0 ? `${head()}]` : '\n  ]'},\n  "summary": ${nested(summary, 1)}\n}\n`),
  };
}

/** The machine contract (schema/report.schema.json): stable key order, two-space indent, newline at end. */
export function formatJson(report: Report): string {
  return renderStreamed(report, jsonStream(report.tool));
}
