import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { claimsOfKind, money2, narrativeResult, valueOf } from './support/narrative.js';

/**
 * A figure of the narrative that restates a table cell agrees with it: 本年收入合计9205.13万元,
 * 教育(类)支出620万元, the 支出决算 of each 类/款/项 item, the 三公 figures. Narrative amounts
 * drop trailing zeros, so they are read to at least 0.01万元; the two intervals must meet.
 * 机关运行经费 may not exceed 公用经费合计; 会议费/培训费 spent may not be below 30215/30216.
 */
export const narrativeAmount: Rule = {
  meta: {
    id: 'narrative-amount',
    title: { zh: '情况说明中的金额与表格一致', en: 'Narrative amounts agree with the tables' },
    severity: 'error',
    tags: ['narrative'],
    tables: [],
    messages: {
      eq: { zh: '情况说明称“{name}”为 {text}，表中为 {cell}（差额 {difference}）', en: 'The narrative gives {name} as {text}; the table has {cell} (difference {difference})' },
      ge: { zh: '情况说明称“{name}”为 {text}，少于表中 {cell}（差额 {difference}）', en: 'The narrative gives {name} as {text}, less than {cell} in the table (difference {difference})' },
      le: { zh: '情况说明称“{name}”为 {text}，超过表中 {cell}（差额 {difference}）', en: 'The narrative gives {name} as {text}, more than {cell} in the table (difference {difference})' },
      rounding: { zh: '情况说明称“{name}”为 {text}，表中为 {cell}，在尾数容差 ±{tolerance} 以内（尾数误差）', en: 'The narrative gives {name} as {text}; the table has {cell}, within the rounding tolerance ±{tolerance}' },
      skipped: { zh: '情况说明中的“{name}”{text}未能与表格核对（{reason}）', en: 'The narrative figure {name} {text} could not be compared with the table ({reason})' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const claim of claimsOfKind(doc, 'amount')) {
      const name = claim.target.binding.name;
      const side = valueOf(doc, claim.target);
      if (!side.ok) {
        results.push(narrativeResult(claim, 'skipped', 'skipped', { name, text: claim.num.text, reason: side.reason }, [claim.num.loc], { reason: side.reason }));
        continue;
      }
      const cell = side.value;
      const difference = claim.num.value.minus(cell.value);
      const tolerance = claim.num.half.plus(cell.half);
      const locations = [claim.num.loc, cell.loc];
      const numbers = { expected: cell.value, actual: claim.num.value, difference, tolerance };
      const params = { name, text: claim.num.text, cell: cell.text, difference: money2(difference.abs()), tolerance: money2(tolerance) };
      // Which side may be larger: le/ge claims bound the cell, eq claims restate it.
      const excess = claim.relation === 'ge' ? difference.negated() : claim.relation === 'le' ? difference : difference.abs();
      if (excess.lte(0) || (claim.relation === 'eq' && difference.isZero())) {
        results.push(narrativeResult(claim, 'pass', 'eq', params, locations, numbers));
      } else if (excess.lte(tolerance)) {
        results.push(narrativeResult(claim, 'rounding', 'rounding', params, locations, numbers));
      } else {
        results.push(narrativeResult(claim, 'fail', claim.relation, params, locations, numbers));
      }
    }
    return results;
  },
};
