import * as z from 'zod/mini';
import type { Localized } from '../model/finding.js';

/**
 * Template families as data. A *table definition* says how one published table is recognised and
 * read (titles, layout, columns and their header synonyms, item rows); a *family* says which tables a
 * kind of disclosure has, which of them may be absent, the identities between their cells (in the
 * formula language of docs/formulas.md) and the sections its narrative must have. Built-in families
 * live in templates/catalog/; users add or adjust them in the config file.
 */

const localized = z.object({ zh: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });
const key = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'a key is lower-case letters, digits and “-”' }));
/** A regular expression source, checked to compile. */
const pattern = z.string().check(
  z.minLength(1),
  z.refine(
    (source) => {
      try {
        new RegExp(source, 'u');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression' },
  ),
);

export const ColumnDefSchema = z.strictObject({
  key,
  name: localized,
  /** Matched against the header text of a column, joined over the header rows, spaces removed. */
  headers: z.array(pattern).check(z.minLength(1)),
  /**
   * A “其中” column detailing the one before it: read where a header names it, in no sum, and not
   * expected by readers that infer a table's columns from their number.
   */
  detail: z.optional(z.boolean()),
});

export const RowDefSchema = z.strictObject({
  key,
  name: localized,
  /** Matched against the printed label, numbering (一、) and spaces removed. */
  labels: z.array(pattern).check(z.minLength(1)),
});

export const LAYOUTS = ['coded', 'two-sided', 'panels', 'three-public', 'listed'] as const;

export const TableDefSchema = z.strictObject({
  key,
  name: localized,
  /** Matched against the normalised title line (numbering, 公开NN表 tags, quotes and spaces removed). */
  titles: z.array(pattern).check(z.minLength(1)),
  layout: z.enum(LAYOUTS),
  /** Amount columns (coded and panels tables) or expense-side columns (two-sided tables). */
  columns: z.array(ColumnDefSchema),
  /** Income-side amount columns of two-sided tables. */
  incomeColumns: z.optional(z.array(ColumnDefSchema)),
  /** Item rows of two-sided tables, per side. */
  rows: z.optional(z.strictObject({ income: z.optional(z.array(RowDefSchema)), expense: z.optional(z.array(RowDefSchema)) })),
  /** Only the rows listed are read (`listed` layout); other printed lines are passed over, not reported. */
  partial: z.optional(z.boolean()),
});

/** A message parameter given by an identity: a fixed text, or the name of a table. */
const paramValue = z.union([localized, z.strictObject({ table: key })]);

export const IdentityDefSchema = z.strictObject({
  /** The rule the identity reports under (a built-in rule id, or a user rule of the config). */
  rule: z.string().check(z.minLength(1)),
  /** Unique within the rule: part of every finding key it makes. */
  id: z.string().check(z.minLength(1)),
  formula: z.string().check(z.minLength(1)),
  /** Message id in the rule's message table. */
  message: z.string().check(z.minLength(1)),
  /** Finding key; `{$r}`, `{$c}` stand for the bound row and column. Defaults to the id and the bindings. */
  key: z.optional(z.string()),
  params: z.optional(z.record(z.string(), paramValue)),
  /** Every cell the formula names must be printed, else the check is skipped (a table whose text lost cells). */
  complete: z.optional(z.boolean()),
});

export const SectionDefSchema = z.strictObject({
  key,
  name: localized,
  /** Matched against narrative lines with spaces removed. */
  patterns: z.array(pattern).check(z.minLength(1)),
  /** Required only when this cell (`table[row].column`) holds a non-zero amount. */
  requiredIf: z.optional(z.string()),
});

export const FamilyDefSchema = z.strictObject({
  id: key,
  name: localized,
  kind: z.enum(['final', 'budget']),
  tables: z.array(z.strictObject({ key, optional: z.optional(z.boolean()) })).check(z.minLength(1)),
  identities: z.array(IdentityDefSchema),
  sections: z.array(SectionDefSchema),
  /** What marks a document as this family beyond its tables: cover words, and the years it applies to. */
  detect: z.optional(
    z.strictObject({
      cover: z.optional(z.array(pattern)),
      maxYear: z.optional(z.number().check(z.int())),
      minYear: z.optional(z.number().check(z.int())),
    }),
  ),
});

export type ColumnDef = z.infer<typeof ColumnDefSchema>;
export type RowDef = z.infer<typeof RowDefSchema>;
export type TableDef = z.infer<typeof TableDefSchema>;
export type IdentityDef = z.infer<typeof IdentityDefSchema>;
export type SectionDef = z.infer<typeof SectionDefSchema>;
export type FamilyDef = z.infer<typeof FamilyDefSchema>;
export type ParamValue = Localized | { table: string };

/** Everything zjs knows about published tables and the families they come in. */
export interface Catalog {
  tables: readonly TableDef[];
  families: readonly FamilyDef[];
}
