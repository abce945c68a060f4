import type { Report } from '../../src/report/model.js';
import { BATCH, reportFor } from './support.js';

/** A city's batch: the test batch copied until it holds `count` documents, each with a department and path of its own. */
export async function cityReport(count: number): Promise<Report> {
  const base = await reportFor(BATCH);
  const documents = Array.from({ length: count }, (_, i) => {
    const doc = structuredClone(base.documents[i % base.documents.length]);
    if (!doc) throw new Error('empty batch');
    const n = String(i + 1).padStart(4, '0');
    doc.source = `city/区${Math.floor(i / 10) + 1}/部门${n}/${doc.source.split('/').pop() ?? 'doc'}`;
    if (doc.department !== null) doc.department = `示例市第${n}局`;
    return doc;
  });
  const all = documents.flatMap((d) => d.findings);
  const open = all.filter((f) => !f.accepted);
  return {
    tool: base.tool,
    documents,
    summary: {
      documents: documents.length,
      passed: documents.filter((d) => d.outcome === 'pass').length,
      failed: documents.filter((d) => d.outcome === 'fail').length,
      unreadable: documents.filter((d) => d.outcome === 'unreadable').length,
      errors: open.filter((f) => f.severity === 'error').length,
      warnings: open.filter((f) => f.severity === 'warning').length,
      infos: open.filter((f) => f.severity === 'info').length,
      accepted: all.length - open.length,
    },
  };
}
