import type { LoadIssue } from '../model/document.js';
import type { CheckResult, MessageParam, Severity } from '../model/finding.js';
import type { Rule } from './types.js';
import { defect } from './support/identity.js';
import { tableName } from './support/tables.js';
import type { TableKey } from '../model/document.js';
import { hasTemplate } from '../templates/tables.js';
import { threePublicColumnName } from '../templates/three-public.js';

const SEVERITY: Partial<Record<LoadIssue['code'], Severity>> = {
  'row-unrecognised': 'warning',
  'column-unrecognised': 'warning',
  'cells-missing': 'warning',
  'cells-unplaced': 'warning',
  'cells-unknown': 'warning',
  'duplicate-row': 'error',
  'total-copy-differs': 'error',
  'columns-chosen': 'info',
  'placement-inconsistent': 'warning',
  'row-name-differs': 'warning',
  'table-duplicate': 'warning',
  'table-unparsed': 'error',
};

/**
 * What the reader could not place in a table: rows with unknown labels, numbers outside any
 * column, cells the header promises but the table lacks, rows or tables printed twice.
 */
export const tableLayout: Rule = {
  meta: {
    id: 'table-layout',
    title: { zh: '表格结构可识别', en: 'Table layout is recognised' },
    severity: 'warning',
    tags: ['input'],
    tables: [],
    messages: {
      'row-unrecognised': { zh: '{table}中有无法识别的行：“{text}”', en: '{table}: a row could not be recognised: “{text}”' },
      'column-unrecognised': { zh: '{table}第 {column} 列的数值“{text}”不在任何已识别的栏目下', en: '{table}: value “{text}” in column {column} is under no recognised header' },
      'cells-missing': { zh: '{table}缺少单元格：{columns}（相关检查无法进行）', en: '{table} lacks cells: {columns} (checks that need them are skipped)' },
      'cells-unplaced': {
        zh: '{table}有 {unplaced} 个数值无法确定所在栏目（文本丢失了空单元格的位置），已读入 {placed} 个，{unknown} 个单元格未知（依赖它们的检查将跳过）',
        en: '{table}: {unplaced} printed values could not be placed in a column (the text lost where empty cells are); {placed} were read, {unknown} cells are unknown (checks that need them are skipped)',
      },
      'cells-unknown': {
        zh: '{table}有 {unknown} 个单元格标为“?”（数值未知，请按原件填写），依赖它们的检查将跳过',
        en: '{table}: {unknown} cells are marked “?” (value unknown; fill them in from the original); checks that need them are skipped',
      },
      'duplicate-row': { zh: '{table}中“{row}”出现两次，只检查第一次出现的行', en: '{table}: row “{row}” appears twice; only the first is checked' },
      'row-name-differs': {
        zh: '{table}中“{row}”与标准科目名称“{standard}”不一致，按该科目读取',
        en: '{table}: “{row}” differs from the standard subject name “{standard}”; read as that subject',
      },
      'columns-chosen': {
        zh: '{table}的数值在文本中看不出所在栏目，按栏目顺序“{order}”读取：{holding}/{sums} 项勾稽关系成立，其他顺序都不如它',
        en: '{table}: the text does not show which column each value is in; read in the column order “{order}”, under which {holding} of {sums} identities hold, more than under any other order',
      },
      'placement-inconsistent': {
        zh: '{table}“{row}”行印出的数值（“{text}”）无论放在哪些栏目，行合计与栏目合计都不能同时成立：可能有数值印错，该行数值未读入，依赖它的检查将跳过，请对照原件核对',
        en: '{table}: the values printed on row “{row}” (“{text}”) cannot be placed in its columns so that the row total and the column totals all hold: a value may be misprinted; the row is not read and the checks that need it are skipped; compare with the original',
      },
      'total-copy-differs': {
        zh: '{table}的“{row}”行印了两次（第 {firstLine} 行与此处），“{column}”两处不同：{first} 与 {second}',
        en: '{table}: the “{row}” row is printed twice (line {firstLine} and here) and its “{column}” differs: {first} and {second}',
      },
      'table-duplicate': { zh: '{table}出现两次（“{title}”），只检查第一张', en: '{table} appears twice (“{title}”); only the first is checked' },
      'table-unreliable': {
        zh: '{table}未能可靠读取：{reason}；更可能是读错了表格而不是表格有误，依赖该表的 {skipped} 项不符检查已跳过，请对照原件核对',
        en: 'The {table} could not be read reliably: {reason}; a misreading explains this better than errors in the table, so the {skipped} failing checks that rest on it are skipped; compare with the original',
      },
      'table-unparsed': { zh: '无法读取{table}的表头（{reason}），该表未检查', en: 'The header of the {table} could not be read ({reason}); the table is not checked' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const issue of doc.issues) {
      const severity = SEVERITY[issue.code];
      if (!severity) continue;
      const key = (issue.loc.table ?? '') as TableKey;
      const table = key && hasTemplate(key) ? tableName(key) : '';
      const params: Record<string, MessageParam> = { ...issue.params, table };
      if (issue.code === 'cells-missing' && issue.params.columns) {
        const names = issue.params.columns.split(',').map(threePublicColumnName);
        params.columns = { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') };
      }
      results.push(
        defect(`${issue.code}/${issue.loc.table ?? ''}/${issue.loc.row ?? ''}/${issue.params.text ?? issue.params.columns ?? issue.params.row ?? ''}`, { id: issue.code, params }, [issue.loc], {
          severity,
        }),
      );
    }
    return results;
  },
};
