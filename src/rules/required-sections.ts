import type { CheckResult, Localized } from '../model/finding.js';
import type { Rule } from './types.js';
import { defect } from './support/identity.js';
import { rowOf } from './support/tables.js';
import type { DisclosureDocument } from '../model/document.js';

interface Section {
  key: string;
  name: Localized;
  /** Found when some narrative line matches. */
  present: RegExp;
  /** Only required when this holds (details of spending that exists). */
  when?: (doc: DisclosureDocument) => boolean;
}

const spent = (column: string) => (doc: DisclosureDocument) => {
  const cell = rowOf(doc.tables['three-public'], 'three-public')?.cells[column];
  return cell?.kind === 'amount' && !cell.amount.value.isZero();
};

/** The sections the publication rules require in a 部门决算 narrative. */
const SECTIONS: Section[] = [
  { key: 'overview', name: { zh: '收入支出决算总体情况说明', en: 'overview of income and expenditure' }, present: /收入支出决算总体情况|收、?支总计|收入支出总计/ },
  { key: 'three-public', name: { zh: '“三公”经费支出情况说明', en: 'explanation of “three public” spending' }, present: /三公/ },
  { key: 'three-public-abroad', name: { zh: '因公出国（境）团组及人次', en: 'groups and trips abroad' }, present: /团组.{0,12}(个|人次)|出国.{0,20}(人次|团组)/, when: spent('actual-abroad') },
  { key: 'three-public-vehicles', name: { zh: '公务用车保有量', en: 'official vehicles kept' }, present: /(车辆|保有量|公务用车).{0,20}\d+辆/, when: spent('actual-vehicle') },
  { key: 'three-public-reception', name: { zh: '公务接待团组及人次', en: 'reception groups and visitors' }, present: /接待.{0,20}(团组|批次|人次)/, when: spent('actual-reception') },
  { key: 'running-costs', name: { zh: '机关运行经费支出说明', en: 'administrative running costs' }, present: /机关运行经费/ },
  { key: 'procurement', name: { zh: '政府采购支出说明', en: 'government procurement' }, present: /政府采购/ },
  { key: 'assets', name: { zh: '国有资产占用情况说明', en: 'state-owned assets' }, present: /国有资产占用|车辆\d*辆|共有车辆/ },
  { key: 'glossary', name: { zh: '名词解释', en: 'glossary of terms' }, present: /名词解释/ },
];

/** The narrative holds the sections the publication rules require (details only where spending exists). */
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
  check(doc) {
    const results: CheckResult[] = [];
    const text = doc.narrative.map((l) => l.text.replace(/\s+/g, '')).join('\n');
    const where = doc.narrative[0]?.loc ?? { file: doc.files[0] ?? doc.source, line: 1 };
    if (!/万元/.test(text)) return [defect('none', { id: 'none', params: {} }, [where])];
    for (const section of SECTIONS) {
      if (section.when && !section.when(doc)) continue;
      if (!section.present.test(text)) results.push(defect(section.key, { id: 'missing', params: { section: section.name } }, [where]));
    }
    return results;
  },
};
