import { describe, expect, it } from 'vitest';
import { inertJson, inertReport, visibleControls } from '../../src/report/controls.js';
import { formatGithub } from '../../src/report/github.js';
import { formatJson } from '../../src/report/json.js';
import { formatText } from '../../src/report/text.js';
import { HOSTILE, hostileReport } from './hostile.js';

const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const TERMINAL = `${HOSTILE}\u001b[31m red \u001b]0;title\u0007 \u202eevil\u2066 \u009b2J`;

describe('control characters shown, never acted on', () => {
  it('writes each one out, and line breaks and tabs in a value as spaces', () => {
    expect(visibleControls('a\u001b[2Jb\u0007c\u202ed\u009be')).toBe('a\\x1b[2Jb\\x07c\\u202ed\\x9be');
    expect(visibleControls('a\tb\r\nc')).toBe('a b  c');
    expect(visibleControls('a\nb\r\n', { lines: true })).toBe('a\nb \n');
    expect(visibleControls('株洲市 plain text')).toBe('株洲市 plain text');
  });

  it('keeps the parts of a report without control characters as they were', async () => {
    const report = await hostileReport();
    const doc = report.documents[0];
    if (!doc) throw new Error('no document');
    doc.department = TERMINAL;
    const inert = inertReport(report);
    expect(inert.documents[0]?.department).toBe(visibleControls(TERMINAL));
    expect(inert.summary).toBe(report.summary);
    expect(report.documents[0]?.department).toBe(TERMINAL);
  });

  it('leaves none live in the text and github formats of a hostile report', async () => {
    const report = await hostileReport();
    for (const doc of report.documents) {
      doc.source = TERMINAL;
      if (doc.department !== null) doc.department = TERMINAL;
      for (const f of doc.findings) f.message = TERMINAL;
    }
    for (const color of [false, true]) {
      const text = formatText(report, { lang: 'zh', color, width: 120 });
      expect(text.replace(/\u001b\[\d+m/g, '')).not.toMatch(RAW);
      expect(text).toContain('\\x1b[31m');
    }
    const github = formatGithub(report, { lang: 'en' });
    expect(github).not.toMatch(RAW);
    expect(github).toContain('\\u202eevil\\u2066');
  });

  it('JSON carries the same data with every control character escaped', async () => {
    const report = await hostileReport();
    const doc = report.documents[0];
    if (!doc) throw new Error('no document');
    doc.department = TERMINAL;
    const json = formatJson(report);
    expect(json).not.toMatch(RAW);
    expect((JSON.parse(json) as typeof report).documents[0]?.department).toBe(TERMINAL);
    expect(inertJson('"\u202e"')).toBe('"\\u202e"');
  });
});
