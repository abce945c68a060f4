import { summarize, type Report } from '../../src/report/model.js';
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
  return { tool: base.tool, documents, summary: summarize(documents) };
}
