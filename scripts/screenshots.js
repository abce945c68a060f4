// Draws the html report of a small batch in Chromium and saves the cover and a department's chart
// as docs/images/html-cover.png and docs/images/html-chart.png (the README shows them).
// Usage: npm run build && node scripts/screenshots.js   (needs /usr/bin/chromium)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const INPUTS = ['fixtures/zhuzhou-hrss-2023.txt', 'fixtures/shanghai-sample-2024-seeded.txt', 'fixtures/shanghai-sample-2024-csv', 'fixtures/synthetic/full-2024.txt'];
const dir = mkdtempSync(join(tmpdir(), 'zjs-shots-'));
try {
  const file = join(dir, 'report.html');
  const run = spawnSync(process.execPath, ['bin/zjs.js', 'check', ...INPUTS, '-f', 'html', '-o', file], { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(run.stderr);
  mkdirSync('docs/images', { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(file).href);
  await page.locator('#cover').screenshot({ path: 'docs/images/html-cover.png' });
  // The filter bar sticks to the top of the window; in a picture of the page it would cover a finding.
  await page.evaluate("document.getElementById('filters').style.position = 'static'");
  const doc = page.locator('section.document').filter({ hasText: '株洲市人力资源和社会保障局' }).first();
  await doc.scrollIntoViewIfNeeded();
  const box = await doc.boundingBox();
  if (!box) throw new Error('no document section');
  // The box is measured in the viewport; a full-page clip wants page coordinates.
  const scrollY = await page.evaluate('window.scrollY');
  await page.screenshot({ path: 'docs/images/html-chart.png', fullPage: true, clip: { x: box.x, y: box.y + scrollY, width: box.width, height: Math.min(box.height, 560) } });
  await browser.close();
  process.stdout.write('docs/images/html-cover.png\ndocs/images/html-chart.png\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
