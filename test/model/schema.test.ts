import { describe, expect, it } from 'vitest';
import { discover, loadDocument } from '../../src/load/index.js';
import { TableSchema } from '../../src/model/schema.js';

const FIXTURES = [
  'fixtures/zhuzhou-hrss-2023.txt',
  'fixtures/zhuzhou-hrss-2023-csv',
  'fixtures/shanghai-sample-2024-csv',
  'fixtures/synthetic/full-2024.txt',
  'fixtures/synthetic/full-2024-yuan.txt',
  'fixtures/bad/non-numeric',
  'fixtures/shanghai-sample-2024.txt',
];

describe('every table the loaders build matches the zod table schema, down to each cell', () => {
  it.each(FIXTURES)('%s', async (path) => {
    const [source] = await discover([path]);
    const loaded = source && (await loadDocument(source));
    if (!loaded?.ok) throw new Error(`${path} unreadable`);
    const tables = Object.values(loaded.value.tables);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const result = TableSchema.safeParse(table);
      expect(result.success, `${table.key}: ${JSON.stringify(result.error?.issues.slice(0, 2))}`).toBe(true);
    }
  });
});
