import { describe, expect, it } from 'vitest';
import { formatMarkdown, STEP_SUMMARY_LIMIT } from '../../src/report/markdown.js';
import { rankByErrors } from '../../src/report/summary.js';
import { cityReport } from './html.scale.js';

describe('markdown for a CI step summary', () => {
  it('fits 300 documents into 1 MiB by leaving out their notes, and says where the full report is', async () => {
    const report = await cityReport(300);
    const full = formatMarkdown(report, { lang: 'zh', limit: Number.MAX_SAFE_INTEGER });
    expect(Buffer.byteLength(full)).toBeGreaterThan(STEP_SUMMARY_LIMIT);
    const out = formatMarkdown(report, { lang: 'zh', fullReport: 'zjs-report/index.html' });
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT);
    expect(out).toContain('> 报告超过 GitHub 作业摘要的 1 MiB 上限，此处省略了提示（尾数误差、跳过的检查）。 完整报告：zjs-report/index.html');
    expect([...out.matchAll(/^## (.+)$/gm)]).toHaveLength(300);
    expect(out).not.toContain('<summary>ℹ️');
  });

  it('keeps the documents with most errors when even that does not fit', async () => {
    const report = await cityReport(300);
    const limit = 256 * 1024;
    const out = formatMarkdown(report, { lang: 'zh', limit, fullReport: 'zjs-report/index.html' });
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(limit);
    expect(out.split('\n')[0]).toBe('<!-- zjs-report -->');
    const notice = /^> 报告超过 GitHub 作业摘要的 1 MiB 上限，此处只列出 300 个文档中的前 (\d+) 个（错误多的在前），并省略了提示。 完整报告：zjs-report/m.exec(out);
    expect(notice).not.toBeNull();
    const shown = Number(notice?.[1]);
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(300);
    // The whole ranking stays; the documents listed are the first of it, and no notes.
    expect(out.match(/^\| 示例市第\d{4}局 \| /gm)?.length).toBe(report.documents.filter((d) => d.department !== null).length);
    const headings = [...out.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toHaveLength(shown);
    const first = rankByErrors(report)[0]?.document;
    expect(headings[0]).toContain(first?.department ?? first?.source ?? '?');
    expect(out).not.toContain('<summary>ℹ️');
  });

  it('leaves a report under the limit whole', async () => {
    const report = await cityReport(5);
    const out = formatMarkdown(report, { lang: 'zh' });
    expect(out).not.toContain('1 MiB');
    expect(out).toContain('<summary>ℹ️');
  });
});
