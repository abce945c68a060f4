import { inertJson } from './controls.js';
import { renderStreamed, type Report, type ReportStream } from './model.js';

/**
 * Version of the JSON report's shape (schema/report.schema.json). 2: findings carry `messageId`
 * and `params`. Reports before it had no version (read as 1).
 */
export const REPORT_SCHEMA_VERSION = 4;

/**
 * A value as JSON.stringify(…, null, 2) writes it nested `depth` levels deep: the value is wrapped in
 * `depth` arrays and the wrapping cut off again ("[\n  [\n    " before it, "\n  ]\n]" after it at
 * depth 2), so that a large document is not copied a second time to indent it.
 */
function nested(value: unknown, depth: number): string {
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const json = JSON.stringify(wrapped, null, 2);
  return json.slice(depth * depth + 3 * depth, json.length - (depth * depth + depth));
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
