import type { Catalog } from '../family.js';
import { FAMILIES } from './families.js';
import { TABLES } from './tables.js';

/** The families and tables zjs ships with. */
export const BUILTIN_CATALOG: Catalog = { tables: TABLES, families: FAMILIES };
