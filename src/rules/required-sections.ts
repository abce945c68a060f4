import type { CellRef } from '../formula/ast.js';
import type { DisclosureDocument } from '../model/document.js';
import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { defect } from './support/identity.js';
import { documentStart, rowOf } from './support/tables.js';

/** A section required only where spending exists: the cell it names holds a non-zero amount. */
function spent(doc: DisclosureDocument, ref: CellRef): boolean {
  if (ref.row.kind !== 'name' || ref.column.kind !== 'name') return false;
  const cell = rowOf(doc.tables[ref.table], ref.row.name)?.cells[ref.column.name];
  return cell?.kind === 'amount' && !cell.amount.value.isZero();
}

/** The narrative holds the sections its family requires (details only where spending exists). */
export const requiredSections: Rule = {
  meta: {
    id: 'required-sections',
    title: { zh: '情况说明的必备内容齐全', en: 'The narrative has the required sections' },
    severity: 'warning',
    tags: ['completeness', 'narrative'],
    tables: [],
    messages: {
      missing: { zh: '情况说明中未找到“{section}”', en: 'The narrative has no {section}' },
      none: { zh: '文档没有情况说明（只有表格）', en: 'The document has no narrative (tables only)' },
    },
  },
  check(doc, ctx) {
    const results: CheckResult[] = [];
    const text = doc.narrative.map((l) => l.text.replace(/\s+/g, '')).join('\n');
    const where = documentStart(doc);
    if (ctx.family.sections.length === 0) return [];
    if (!/万元/.test(text)) return [defect('none', { id: 'none', params: {} }, [where])];
    for (const section of ctx.family.sections) {
      if (section.requiredIf && !spent(doc, section.requiredIf)) continue;
      if (!section.patterns.some((re) => re.test(text))) results.push(defect(section.def.key, { id: 'missing', params: { section: section.def.name } }, [where]));
    }
    return results;
  },
};
