import { z } from 'zod';
import { TABLE_KEYS, type Table } from './document.js';
import { D } from './number.js';

const decimal = z.custom<InstanceType<typeof D>>((v) => D.isDecimal(v), { message: 'not a Decimal' });

export const LocationSchema = z.object({
  field: z.number().int().positive().optional(),
  file: z.string(),
  line: z.number().int().nonnegative(),
  page: z.number().int().positive().optional(),
  table: z.string().optional(),
  row: z.string().optional(),
  column: z.string().optional(),
});

const AmountSchema = z.object({
  value: decimal,
  half: decimal.refine((h) => h.gte(0), 'negative rounding radius'),
  text: z.string().min(1),
  loc: LocationSchema,
});

const CellSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), amount: AmountSchema }),
  z.object({ kind: z.literal('blank'), loc: LocationSchema }),
  z.object({ kind: z.literal('invalid'), text: z.string(), loc: LocationSchema }),
]);

const RowSkeleton = z.object({
  key: z.string().min(1),
  label: z.string(),
  code: z.string().regex(/^\d{3}(\d{2}){0,2}$/).optional(),
  level: z.enum(['total', 'class', 'section', 'item', 'line']),
  side: z.enum(['income', 'expense']).optional(),
  loc: LocationSchema,
});

/** A row with every cell validated: used by the tests on every fixture. */
const RowSchema = RowSkeleton.extend({ cells: z.record(z.string(), CellSchema) });

const TableFields = {
  key: z.enum(TABLE_KEYS),
  title: z.string(),
  titleLoc: LocationSchema,
  unit: z.enum(['万元', '元']),
  unitLoc: LocationSchema.optional(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), side: z.enum(['income', 'expense']).optional() })),
  notes: z.array(z.object({ text: z.string(), loc: LocationSchema })),
  empty: z.boolean(),
  groups: z.object({ personnel: z.array(z.string()), public: z.array(z.string()) }).optional(),
};

/** The shape every loader must produce, down to each cell; a table that fails it is a loader bug. */
export const TableSchema = z.object({ ...TableFields, rows: z.array(RowSchema) });

/**
 * Checked on every table as it is built: key, title, unit, columns, notes. Rows and cells are
 * checked in full by TableSchema on every fixture in the test suite; validating each of a
 * document's ~1,000 cells at run time would cost more than reading them.
 */
const TableHead = z.object({ ...TableFields, rows: z.array(z.unknown()) });

export function validateTable(table: Table): Table {
  TableHead.parse(table);
  return table;
}
