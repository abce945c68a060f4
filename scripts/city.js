// Writes a city's worth of disclosures into a folder tree, for trying zjs at scale (never committed).
// Usage: node scripts/city.js N [DIR]   (default DIR: a new folder under the system temp folder)
// Prints the folder. Each copy is a bundled fixture under 区/部门/; text and CSV copies get a
// department name of their own, so the ranking tells them apart; every 40th department also keeps
// a draft copy (草稿/) of the same department and year.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name) => join(ROOT, 'fixtures', name);

/** The kinds of copy, in turn: [fixture, department printed in it (null: copied as is), file name]. */
const KINDS = [
  ['zhuzhou-hrss-2023.txt', '株洲市人力资源和社会保障局', '决算公开.txt'],
  ['synthetic/full-2024.txt', '示例市示例局', '2024年度部门决算.txt'],
  ['shanghai-sample-2024.txt', '示例区示例局', '部门决算.txt'],
  ['zhuzhou-hrss-2023-csv', '株洲市人力资源和社会保障局', 'csv'],
  ['shanghai-sample-2024-seeded.txt', '示例区示例局', '部门决算.txt'],
  ['zhuzhou-hrss-2023.xlsx', null, '决算公开.xlsx'],
  ['synthetic/full-2024-yuan.txt', '示例市示例局', '决算（元）.txt'],
];

const DISTRICTS = ['芙蓉区', '天心区', '岳麓区', '开福区', '雨花区', '望城区'];
const BUREAUS = ['财政局', '教育局', '民政局', '卫生健康局', '交通运输局', '农业农村局', '水利局', '文化旅游局', '商务局', '司法局'];

function department(i) {
  const district = DISTRICTS[i % DISTRICTS.length];
  const bureau = BUREAUS[Math.floor(i / DISTRICTS.length) % BUREAUS.length];
  const round = Math.floor(i / (DISTRICTS.length * BUREAUS.length));
  return { district, name: `示例市${district}${round > 0 ? `第${round + 1}` : ''}${bureau}` };
}

function copyText(from, to, printed, name) {
  const text = readFileSync(from, 'utf8');
  writeFileSync(to, printed === null ? text : text.split(printed).join(name));
}

/** Writes `count` documents under `dir`; returns the folders written, in order. */
export function writeCity(count, dir) {
  const written = [];
  for (let i = 0; i < count; i++) {
    const [source, printed, file] = KINDS[i % KINDS.length];
    const { district, name } = department(i);
    const folder = join(dir, district, name);
    mkdirSync(folder, { recursive: true });
    const from = fixture(source);
    const copy = (target) => {
      if (file === 'csv') {
        mkdirSync(target, { recursive: true });
        for (const f of readdirSync(from)) copyText(join(from, f), join(target, f), printed, name);
      } else if (printed === null) copyFileSync(from, join(target, file));
      else copyText(from, join(target, file), printed, name);
    };
    copy(file === 'csv' ? join(folder, '决算表') : folder);
    if (i % 40 === 39) {
      const draft = join(folder, '草稿');
      mkdirSync(draft, { recursive: true });
      copy(file === 'csv' ? join(draft, '决算表') : draft);
    }
    written.push(folder);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 300);
  if (!Number.isInteger(count) || count < 1) {
    process.stderr.write('usage: node scripts/city.js N [DIR]\n');
    process.exit(2);
  }
  const dir = process.argv[3] ? resolve(process.argv[3]) : mkdtempSync(join(tmpdir(), 'zjs-city-'));
  mkdirSync(dir, { recursive: true });
  writeCity(count, dir);
  process.stdout.write(`${dir}\n`);
}
