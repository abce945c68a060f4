import { describe, expect, it } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';
import { checkText, plant, readFixture } from '../support/fixtures.js';

describe('table-layout', () => {
  plantedErrors(
    'table-layout',
    [
      { file: SYNTHETIC, line: 120, from: '2010350', to: '事业运行费', field: 1, severity: 'warning' },
      { file: SYNTHETIC, line: 203, from: '2010302', to: '2010301', field: 1, severity: 'error' },
    ],
    [SYNTHETIC],
  );

  it('names the 三公 cells the Zhuzhou text lost, as a warning', () => {
    const doc = checkText(readFixture('fixtures/zhuzhou-hrss-2023.txt'));
    const layout = doc.findings.filter((f) => f.rule === 'table-layout');
    expect(layout).toHaveLength(1);
    expect(layout[0]).toMatchObject({ severity: 'warning' });
    expect(layout[0]?.message).toContain('决算数公务用车购置费、决算数公务用车运行维护费');
  });

  it('reports a value outside every recognised column', () => {
    const text = plant(readFixture(SYNTHETIC), 118, '1,286.45\t0.00\t0.00\t0.00\t0.00', '1,286.45\t0.00\t0.00\t0.00\t0.00\t9.99');
    const doc = checkText(text, SYNTHETIC);
    expect(doc.findings.some((f) => f.rule === 'table-layout' && f.message.includes('9.99') && f.locations[0]?.line === 118)).toBe(true);
  });
});
