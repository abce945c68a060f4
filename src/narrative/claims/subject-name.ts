import type { Row, TableKey } from '../../model/document.js';
import type { Location } from '../../model/location.js';
import { sameName } from '../bind.js';
import { locAt } from '../text.js';
import type { ClaimBase } from './claim.js';
import type { Extractor } from './context.js';

/** A 类/款/项 heading whose name differs from the table's name for the same code. */
export interface NameClaim extends ClaimBase {
  kind: 'name';
  printed: string;
  row: Row;
  table: TableKey;
  loc: Location;
}

/** The heading of a newly entered item paragraph, level by level, against the table's 科目 names. */
export const subjectName: Extractor<NameClaim> = {
  kind: 'name',
  rule: 'narrative-subject-name',
  headingOnly: true,
  extract({ s }, ctx, emit) {
    if (!ctx.entered) return;
    const { heading, binding } = ctx.entered;
    const where = ctx.headingSentence?.text === heading || ctx.headingSentence?.text.startsWith(heading) ? ctx.headingSentence : s;
    for (const level of binding.levels) {
      if (!level.row) continue;
      const official = level.row.label;
      // Table cells are often cut at the column edge (“…管理事务支”): a table name that begins the
      // printed one, short of a character or two, is the same name.
      const cut = official.length >= 6 && level.printed.startsWith(official) && level.printed.length - official.length <= 2;
      if (!sameName(level.printed, official) && !cut) {
        emit({
          kind: 'name',
          key: `name/${binding.table}:${level.row.key}/${level.printed}`,
          sentence: s,
          uses: [],
          printed: level.printed,
          row: level.row,
          table: binding.table,
          loc: locAt(where, Math.max(0, where.text.indexOf(level.printed))),
        });
      }
    }
  },
};
