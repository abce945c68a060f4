import * as z from 'zod/mini';
import { D } from './number.js';

// zod/mini: the same checks as zod, and it tree-shakes to a few kilobytes of the CLI bundle.
const decimal = z.custom<InstanceType<typeof D>>((v) => D.isDecimal(v), { message: 'not a Decimal' });

export const LocationSchema = z.object({
  file: z.string(),
  line: z.number().check(z.int(), z.nonnegative()),
  page: z.optional(z.number().check(z.int(), z.positive())),
  sheet: z.optional(z.number().check(z.int(), z.positive())),
  table: z.optional(z.string()),
  row: z.optional(z.string()),
  column: z.optional(z.string()),
  field: z.optional(z.number().check(z.int(), z.positive())),
});

const AmountSchema = z.object({
  value: decimal,
  half: decimal,
  text: z.string().check(z.minLength(1)),
  loc: LocationSchema,
});

const CellSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), amount: AmountSchema }),
  z.object({ kind: z.literal('blank'), loc: LocationSchema }),
  z.object({ kind: z.literal('invalid'), text: z.string(), loc: LocationSchema }),
  z.object({ kind: z.literal('unknown'), loc: LocationSchema }),
]);

const RowSchema = z.object({
  key: z.string().check(z.minLength(1)),
  label: z.string(),
  code: z.optional(z.string().check(z.regex(/^\d{3}(\d{2}){0,2}$/))),
  level: z.enum(['total', 'class', 'section', 'item', 'line']),
  side: z.optional(z.enum(['income', 'expense'])),
  loc: LocationSchema,
  cells: z.record(z.string(), CellSchema),
});

const TableFields = {
  key: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
  title: z.string(),
  titleLoc: LocationSchema,
  unit: z.enum(['万元', '元']),
  unitLoc: z.optional(LocationSchema),
  columns: z.array(z.object({ key: z.string(), label: z.string(), side: z.optional(z.enum(['income', 'expense'])) })),
  notes: z.array(z.object({ text: z.string(), loc: LocationSchema })),
  empty: z.boolean(),
  groups: z.optional(z.object({ personnel: z.array(z.string()), public: z.array(z.string()) })),
};

/** The shape every loader must produce, down to each cell; a table that fails it is a loader bug. */
export const TableSchema = z.object({ ...TableFields, rows: z.array(RowSchema) });
