import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument, DEFAULT_OPTIONS } from '../../src/engine/run.js';
import { discover, loadDocument } from '../../src/load/index.js';
import type { DisclosureDocument } from '../../src/model/document.js';
import { run } from '../support/cli.js';
import { ZHUZHOU } from '../support/fixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zjs-limits-'));
});

async function load(path: string): Promise<DisclosureDocument> {
  const [source] = await discover([path]);
  if (!source) throw new Error(`nothing at ${path}`);
  const loaded = await loadDocument(source);
  if (!loaded.ok) throw new Error(`${path}: ${JSON.stringify(loaded.error)}`);
  return loaded.value;
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

interface JsonReport {
  summary: { documents: number; unreadable: number };
  documents: Array<{ source: string; outcome: string }>;
}

describe('special files', () => {
  it('refuses a FIFO in one line without waiting for a writer, and checks the other documents of the batch', async () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const alone = await run(['check', fifo]);
    expect(alone.code).toBe(2);
    expect(lines(alone.stderr)).toEqual([`zjs: 错误: ${fifo}: 不是普通文件（命名管道），只读取普通文件`]);
    const batch = await run(['check', fifo, ZHUZHOU, '-f', 'json', '--lang', 'en']);
    expect(batch.code).toBe(2);
    expect(batch.stderr).toContain(`${fifo}: not a regular file (a FIFO); only regular files are read`);
    const report = JSON.parse(batch.stdout) as JsonReport;
    expect(report.documents.map((d) => [d.source, d.outcome])).toEqual([
      [fifo, 'unreadable'],
      [ZHUZHOU, 'fail'],
    ]);
  });

  it('refuses a device such as /dev/zero', async () => {
    const result = await run(['check', '/dev/zero']);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual(['zjs: 错误: /dev/zero: 不是普通文件（字符设备），只读取普通文件']);
  });
});

describe('size limits', () => {
  it('refuses a text over 64 MiB in one line, and reads it under a larger --max-input-size', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 65 * 1024 * 1024);
    const refused = await run(['check', big]);
    expect(refused.code).toBe(2);
    expect(lines(refused.stderr)).toEqual([`zjs: 错误: ${big}: 文件大小 65 MiB，超过 64 MiB 的上限，未读取；如确需读取，请用 --max-input-size 放宽限制`]);
    // Allowed, it is read, and found to be no text (it is all NUL bytes).
    const read = await run(['check', big, '--max-input-size', '66', '--lang', 'en']);
    expect(read.code).toBe(2);
    expect(read.stderr).toContain(`${big}:1: not a text file (binary content)`);
  });

  it('applies --max-input-size to every kind, on every command that reads documents', async () => {
    const tiny = ['--max-input-size', '0.01', '--lang', 'en'];
    const line = `${ZHUZHOU}: the file is ${Number((readFileSync(ZHUZHOU).length / 1024 / 1024).toPrecision(3))} MiB, over the 0.01 MiB limit`;
    for (const args of [['check', ZHUZHOU], ['claims', ZHUZHOU], ['explain', ZHUZHOU, '--rule', 'income-rollup'], ['import', ZHUZHOU, '--out', join(dir, 'out')]]) {
      const result = await run([...args, ...tiny]);
      expect(result.code, args[0]).toBe(2);
      expect(result.stderr, args[0]).toContain(line);
    }
    for (const bad of ['0', '-1', 'abc']) expect((await run(['check', ZHUZHOU, '--max-input-size', bad])).code).toBe(2);
  });
});

/** `size` bytes of one letter, deflated. */
async function deflatedLetters(size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const deflate = createDeflateRaw();
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(1024 * 1024, 'a');
  for (let written = 0; written < size; written += block.length) {
    if (!deflate.write(block.subarray(0, Math.min(block.length, size - written)))) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/** A zip holding one part, a shared-strings part of the deflated `data`, stating `stated` as its size. */
function workbookOfOneString(data: Buffer, stated: number): Buffer {
  const name = Buffer.from('xl/sharedStrings.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(stated, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(stated, 24);
  central.writeUInt16LE(name.length, 28);
  const directoryAt = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('workbooks that unpack to more than they hold', () => {
  it('refuses a workbook holding one 300 MB shared string in one line, whatever size its directory states', async () => {
    const size = 300 * 1024 * 1024;
    const honest = join(dir, 'honest.xlsx');
    const lying = join(dir, 'lying.xlsx');
    const data = await deflatedLetters(size);
    writeFileSync(honest, workbookOfOneString(data, size));
    writeFileSync(lying, workbookOfOneString(data, 1000));
    expect(readFileSync(honest).length).toBeLessThan(2 * 1024 * 1024);
    for (const file of [honest, lying]) {
      const result = await run(['check', file, '--lang', 'en']);
      expect(result.code).toBe(2);
      expect(lines(result.stderr)).toEqual([
        `zjs: error: ${file}: the workbook unpacks to more than 256 MiB (by xl/sharedStrings.xml) and was not read; raise the limit with --max-input-size if it must be read`,
      ]);
    }
  });

  it('still reads a real workbook', async () => {
    expect(Object.keys((await load('fixtures/zhuzhou-hrss-2023.xlsx')).tables)).toHaveLength(9);
  });
});

describe('invalid bytes in a UTF-8 text', () => {
  const clean = readFileSync(ZHUZHOU);
  // A stray byte in the middle of line 467 (本年收入合计…, a sentence of the narrative).
  const at = clean.indexOf(Buffer.from('本年收入合计9205.13'));

  it('reads a UTF-8 text with a stray byte as UTF-8, and warns at its line and byte offset', async () => {
    expect(clean.subarray(0, at).toString().split('\n').length).toBe(467);
    const damaged = join(dir, 'damaged.txt');
    writeFileSync(damaged, Buffer.concat([clean.subarray(0, at), Buffer.from([0xff]), clean.subarray(at)]));
    const doc = await load(damaged);
    expect(Object.keys(doc.tables)).toHaveLength(9);
    expect(doc.issues.filter((i) => i.code === 'invalid-bytes')).toEqual([{ code: 'invalid-bytes', loc: { file: damaged, line: 467 }, params: { offset: String(at), count: '1', encoding: 'UTF-8' } }]);
    const findings = checkDocument(doc, DEFAULT_OPTIONS).findings;
    // The id names the file, not its folder: it stays when the document moves.
    const warning = findings.find((f) => f.id === 'garbled-text:invalid-bytes/damaged.txt');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toBe(`文件中有 1 处不是有效 UTF-8 的字节（首个在第 467 行，文件第 ${at} 字节），已按 UTF-8 读取，这些字节显示为 �`);
    // Everything else is as in the clean document.
    const others = (list: typeof findings) => list.filter((f) => f.rule !== 'garbled-text').map((f) => [f.id, f.message]);
    expect(others(findings)).toEqual(others(checkDocument(await load(ZHUZHOU), DEFAULT_OPTIONS).findings));
  });

  it('names the line and byte of the invalid byte when UTF-8 is forced', async () => {
    const damaged = join(dir, 'forced.txt');
    writeFileSync(damaged, Buffer.concat([clean.subarray(0, at), Buffer.from([0xff]), clean.subarray(at)]));
    const result = await run(['check', damaged, '--encoding', 'utf-8', '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([`zjs: error: ${damaged}:467: not valid UTF-8 text (line 467, from byte ${at} of the file)`]);
  });

  it('still reads GBK text as GB18030, and says so when that finds no table', async () => {
    const gbk = join(dir, 'gbk.txt');
    writeFileSync(gbk, iconv.encode(clean.toString('utf8'), 'gbk'));
    const doc = await load(gbk);
    expect(Object.keys(doc.tables)).toHaveLength(9);
    expect(doc.issues.filter((i) => i.code === 'invalid-bytes')).toEqual([]);
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, iconv.encode('说明\n这是一份说明文字，不含任何表格。\n', 'gbk'));
    const result = await run(['check', notes, '--lang', 'en']);
    expect(result.code).toBe(2);
    // 说 (CB B5 in GBK) happens to be a UTF-8 character too; 明 (C3 F7) is not.
    expect(lines(result.stderr)).toEqual([
      `zjs: error: ${notes}: none of the nine 决算 tables was found (not a disclosure?); line 1 (from byte 2 of the file) is not valid UTF-8, so the file was read as GB18030; name the encoding with --encoding`,
    ]);
  });
});

describe('large inputs', () => {
  it('reads a text with 130,000 lines of narrative and a 200,000-row CSV sheet without overflowing the stack', async () => {
    const text = join(dir, 'long.txt');
    const narrative = Array.from({ length: 130_000 }, (_, i) => `第${i + 1}项工作按计划推进，支出${i % 97}.5万元。`);
    writeFileSync(text, `${readFileSync(ZHUZHOU, 'utf8')}\n${narrative.join('\n')}\n`);
    const long = await load(text);
    expect(long.narrative.length).toBeGreaterThan(130_000);
    expect(Object.keys(long.tables)).toHaveLength(9);

    const sheet = join(dir, 'sheet');
    mkdirSync(sheet);
    const rows = ['支出决算表,,,,', '金额单位：万元,,,,', '科目编码,科目名称,本年支出合计,基本支出,项目支出', '合计,,1.00,1.00,0.00'];
    for (let i = 0; i < 200_000; i++) rows.push(`${2_000_000 + i},项目${i},1.00,1.00,0.00`);
    writeFileSync(join(sheet, 'expense.csv'), `${rows.join('\r\n')}\r\n`);
    const wide = await load(sheet);
    expect(wide.tables.expense?.rows).toHaveLength(200_001);
  });
});
