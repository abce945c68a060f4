import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/html.js';
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
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

const visible = () => page.locator('.finding:visible').count();

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
    expect(await hostile.locator('script').count()).toBe(1);
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
    const s = accepted.summary;
    expect(s.accepted).toBe(13);
    expect(await tab.locator('[data-count="accepted"]').innerText()).toBe('13');
    expect(await tab.locator('[data-count="errors"]').innerText()).toBe('0');
    const all = s.errors + s.warnings + s.infos + s.accepted;
    const shown = () => tab.locator('.finding:visible').count();
    expect(await shown()).toBe(all);
    const waived = tab.locator('.finding[data-accepted="waiver"]');
    expect(await waived.locator('.acceptance').innerText()).toContain('扫描件 OCR 把 0 识别为 O');
    expect(await waived.locator('.acceptance').innerText()).toContain('财务科 王敏');
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
