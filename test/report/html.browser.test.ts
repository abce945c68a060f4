import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml, formatHtmlFolder } from '../../src/report/html.js';
import { cityReport } from './html.scale.js';
import type { Report } from '../../src/report/model.js';
import { HOSTILE, hostileReport } from './hostile.js';
import { ACCEPTANCE, BATCH, reportFor, ROOT } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');

let context: BrowserContext;
let page: Page;
let report: Report;
let profile: string;
let work: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the HTML report is tested in a real browser; install it with \`apt-get install -y chromium fonts-wqy-zenhei\``);
  }
  report = await reportFor(BATCH);
  work = mkdtempSync(join(tmpdir(), 'zjs-html-'));
  profile = mkdtempSync(join(tmpdir(), 'zjs-chromium-'));
  const file = join(work, 'report.html');
  writeFileSync(file, formatHtml(report, { lang: 'zh' }));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    offline: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href);
  expect(requests, 'the report fetched something from the network').toEqual([]);
  // Notes come out of their templates when opened.
  expect(await page.locator('.finding[data-severity="info"]').count()).toBe(0);
  await openNotes(page);
}, 60_000);

/** Opens every folded list of notes, as a reader clicking each, and waits for them to be drawn. */
async function openNotes(p: Page): Promise<void> {
  await p.evaluate("document.querySelectorAll('details.notes').forEach((d) => { d.open = true; })");
  await p.waitForFunction("document.querySelector('details.notes > template') === null");
}

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Findings the filters let through (notes count too, though folded away until opened). */
function shownIn(p: Page): Promise<number> {
  return p.evaluate<number>("[...document.querySelectorAll('.finding')].filter((f) => getComputedStyle(f).display !== 'none').length");
}
const visible = () => shownIn(page);

describe('the HTML report in Chromium', () => {
  it('shows the counts of the report', async () => {
    const s = report.summary;
    for (const [key, value] of Object.entries({ documents: s.documents, passed: s.passed, failed: s.failed, unreadable: s.unreadable, errors: s.errors, warnings: s.warnings, infos: s.infos })) {
      expect(await page.locator(`[data-count="${key}"]`).innerText(), key).toBe(String(value));
    }
    const total = s.errors + s.warnings + s.infos;
    expect(await page.locator('.finding').count()).toBe(total);
    expect(await visible()).toBe(total);
    expect(await page.locator('#shown').innerText()).toBe(String(total));
    expect(await page.locator('section.document').count()).toBe(report.documents.length);
  });

  it('filters by severity and by rule', async () => {
    const s = report.summary;
    await page.locator('#filters').waitFor({ state: 'visible' });
    await page.getByRole('checkbox').nth(2).uncheck(); // notes
    expect(await visible()).toBe(s.errors + s.warnings);
    await page.getByRole('checkbox').nth(1).uncheck(); // warnings
    expect(await visible()).toBe(s.errors);
    expect(await page.locator('#shown').innerText()).toBe(String(s.errors));
    expect(await page.locator('.finding.warning:visible').count()).toBe(0);
    expect(await page.locator('.finding.error:visible').count()).toBe(s.errors);
    // A document without errors says so rather than showing an empty section.
    const clean = report.documents.findIndex((d) => d.outcome !== 'unreadable' && d.findings.every((f) => f.severity !== 'error'));
    expect(clean).toBeGreaterThanOrEqual(0);
    expect(await page.locator(`#doc-${clean + 1} .no-match`).isVisible()).toBe(true);

    await page.getByRole('checkbox').nth(1).check();
    await page.getByRole('checkbox').nth(2).check();
    await page.locator('select[name="rule"]').selectOption('income-rollup');
    const incomeRollup = report.documents.flatMap((d) => d.findings).filter((f) => f.rule === 'income-rollup').length;
    expect(incomeRollup).toBeGreaterThan(0);
    expect(await visible()).toBe(incomeRollup);
    await page.locator('select[name="rule"]').selectOption('');
    expect(await visible()).toBe(s.errors + s.warnings + s.infos);
  });

  it('highlights the cells a finding rests on', async () => {
    const first = page.locator('.finding[data-rule="income-rollup"]').first();
    expect(await first.locator('.excerpt td.hit').count()).toBeGreaterThan(1);
    const background = await first.locator('.excerpt td.hit').first().evaluate('(el) => getComputedStyle(el).backgroundColor');
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('takes a full-page screenshot of the errors of the batch', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.getByRole('checkbox').nth(2).uncheck();
    await page.getByRole('checkbox').nth(1).uncheck();
    await page.screenshot({ path: join(ARTIFACTS, 'report-batch-errors.png'), fullPage: true });
    await page.locator('.finding.error').first().screenshot({ path: join(ARTIFACTS, 'report-first-error.png') });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(ARTIFACTS, 'report-batch-errors-top.png') });
    await page.getByRole('checkbox').nth(1).check();
    await page.getByRole('checkbox').nth(2).check();
    await page.locator('#doc-1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'report-batch-top.png') });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('hostile text in Chromium', () => {
  it('shows as text and runs nothing', async () => {
    const file = join(work, 'hostile.html');
    writeFileSync(file, formatHtml(await hostileReport(), { lang: 'zh' }));
    const hostile = await context.newPage();
    const dialogs: string[] = [];
    hostile.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await hostile.goto(pathToFileURL(file).href);
    expect(dialogs).toEqual([]);
    expect(await hostile.locator('img').count()).toBe(0);
    // One script runs (the filters); the other holds the filter counts as data.
    expect(await hostile.locator('script:not([type="application/json"])').count()).toBe(1);
    expect(await hostile.locator('script[type="application/json"]').count()).toBe(1);
    // The HTML parser reads CRLF as LF; the rest arrives as printed.
    expect(await hostile.locator('#doc-1 h2').textContent()).toBe(`${HOSTILE.replace(/\r\n/g, '\n')} · 2023`);
    mkdirSync(ARTIFACTS, { recursive: true });
    await hostile.screenshot({ path: join(ARTIFACTS, 'report-hostile.png') });
    await hostile.close();
  });
});

describe('accepted findings in Chromium', () => {
  it('shows them with their reason, counts them apart, and filters them', async () => {
    const accepted = await reportFor(BATCH, 'zh', ACCEPTANCE);
    const file = join(work, 'accepted.html');
    writeFileSync(file, formatHtml(accepted, { lang: 'zh' }));
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(file).href);
    await openNotes(tab);
    const s = accepted.summary;
    expect(s.accepted).toBe(13);
    expect(await tab.locator('[data-count="accepted"]').innerText()).toBe('13');
    expect(await tab.locator('[data-count="errors"]').innerText()).toBe('0');
    const all = s.errors + s.warnings + s.infos + s.accepted;
    const shown = () => shownIn(tab);
    expect(await shown()).toBe(all);
    const waived = tab.locator('.finding[data-accepted="waiver"]');
    // textContent: a section off screen is not laid out (content-visibility), so it has no innerText yet.
    expect(await waived.locator('.acceptance').textContent()).toContain('扫描件 OCR 把 0 识别为 O');
    expect(await waived.locator('.acceptance').textContent()).toContain('财务科 王敏');
    await tab.locator('input[name="accepted"]').uncheck();
    expect(await shown()).toBe(all - s.accepted);
    expect(await tab.locator('#shown').innerText()).toBe(String(all - s.accepted));
    await tab.locator('input[name="accepted"]').check();
    expect(await shown()).toBe(all);
    mkdirSync(ARTIFACTS, { recursive: true });
    await waived.screenshot({ path: join(ARTIFACTS, 'report-accepted-waiver.png') });
    await tab.close();
  });
});

/** Time from a click to the frame after the page has answered it. */
async function timedClick(p: Page, act: () => Promise<void>): Promise<number> {
  const start = Date.now();
  await act();
  await p.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  return Date.now() - start;
}

describe('a city of 300 documents in Chromium', () => {
  // Figures are printed and kept in test-artifacts/, never asserted: speed is measured, not tested.
  const figures: Record<string, number | string> = {};
  let big: Report;
  beforeAll(async () => {
    big = await cityReport(300);
  });
  afterAll(() => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'html-300.json'), `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(`HTML, 300 documents: ${JSON.stringify(figures)}\n`);
  });

  it('one page: every document, ranking and matrix, with notes folded and filters that count', async () => {
    const file = join(work, 'city.html');
    writeFileSync(file, formatHtml(big, { lang: 'zh' }));
    figures.pageBytes = statSync(file).size;
    const tab = await context.newPage();
    const start = Date.now();
    await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    figures.pageLoadMs = Date.now() - start;
    const s = big.summary;
    expect(await tab.locator('section.document').count()).toBe(300);
    expect(await tab.locator('table.ranking tbody tr').count()).toBe(300);
    expect(await tab.locator('table.matrix tbody tr').count()).toBe(300);
    expect(await tab.locator('#shown').innerText()).toBe(String(s.errors + s.warnings + s.infos));
    // Notes are folded: only errors and warnings are on the page until a reader opens them.
    expect(await tab.locator('.finding').count()).toBe(s.errors + s.warnings + s.accepted);
    figures.pageFilterClickMs = await timedClick(tab, () => tab.getByRole('checkbox').nth(2).uncheck());
    expect(await tab.locator('#shown').innerText()).toBe(String(s.errors + s.warnings));
    figures.pageRuleFilterMs = await timedClick(tab, async () => {
      await tab.locator('select[name="rule"]').selectOption('narrative-amount');
    });
    const amount = big.documents.flatMap((d) => d.findings).filter((f) => f.rule === 'narrative-amount' && f.severity !== 'info').length;
    expect(await tab.locator('#shown').innerText()).toBe(String(amount));
    expect(await shownIn(tab)).toBe(amount);
    await tab.close();
  });

  it('a folder: the index opens at once, and each document has its own page with its filters', async () => {
    const dir = join(work, 'city');
    for (const f of formatHtmlFolder(big, { lang: 'zh' })) {
      const path = join(dir, ...f.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
    figures.indexBytes = statSync(join(dir, 'index.html')).size;
    const tab = await context.newPage();
    const start = Date.now();
    await tab.goto(pathToFileURL(join(dir, 'index.html')).href, { waitUntil: 'load' });
    figures.indexLoadMs = Date.now() - start;
    const links = tab.locator('table.ranking tbody tr a');
    expect(await links.count()).toBe(300);
    expect(await tab.locator('section.document').count()).toBe(0);
    // The first of the ranking has the most errors: its page lists them, with working filters.
    const first = big.documents.map((d, i) => ({ d, i })).sort((a, b) => b.d.findings.filter((f) => f.severity === 'error').length - a.d.findings.filter((f) => f.severity === 'error').length || a.i - b.i)[0];
    expect(await links.first().getAttribute('href')).toBe(`docs/${(first?.i ?? 0) + 1}.html`);
    const opened = Date.now();
    await links.first().click();
    await tab.waitForURL(/docs\/\d+\.html$/);
    figures.documentPageLoadMs = Date.now() - opened;
    const errors = first?.d.findings.filter((f) => f.severity === 'error' && !f.accepted).length ?? 0;
    expect(errors).toBeGreaterThan(0);
    expect(await tab.locator('.finding.error').count()).toBe(errors);
    await tab.getByRole('checkbox').nth(0).uncheck();
    expect(await tab.locator('.finding.error:visible').count()).toBe(0);
    await tab.getByRole('link', { name: /返回汇总/ }).click();
    await tab.waitForURL(/index\.html$/);
    await tab.close();
  });
});
