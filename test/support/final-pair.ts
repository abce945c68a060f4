import { plant, readFixture } from './fixtures.js';
import { SYNTHETIC } from './planted.js';

/**
 * A pair of 决算 made from the generated 2024 one (scripts/fixtures/synthetic.mjs), for the rules
 * across documents.
 */

/** The 2024 决算 as a 2023 one: its year, and closing balances equal to the 2024 opening ones (line 181). */
export function final2023Text(): string {
  const text = readFixture(SYNTHETIC).replace(/2024/g, '2023');
  return plant(plant(plant(plant(text, 181, '149.17', '161.80'), 181, '38.02', '46.30'), 181, '96.75', '105.50'), 181, '14.40', '10.00');
}

/**
 * The 2024 决算 with 比上年 claims planted in its 说明 (the generator writes none): 收支总计,
 * 财政拨款收支总计, 一般公共预算财政拨款支出 and the 三公 total, each with its change and rate.
 */
export function claimed2024Text(): string {
  let text = readFixture(SYNTHETIC);
  text = plant(text, 318, '4372.7万元。', '4372.7万元，比上年增加372.7万元，增长9.32%。');
  text = plant(text, 330, '3813.8万元（', '3813.8万元，比上年增加313.8万元，增长8.97%（');
  text = plant(text, 334, '2580.28万元，', '2580.28万元，比上年增加180.28万元，增长7.51%，');
  return plant(text, 342, '54.5万元，', '54.5万元，比上年减少5.5万元，下降9.17%，');
}

/**
 * The 2023 决算 whose tables print what the claims of claimed2024Text say of last year: 收支总计
 * 4,000.00 (or `grandTotal`, line 60), 财政拨款收支总计 3,500.00, 一般公共预算财政拨款支出 2,400.00,
 * 三公 决算数 60.00.
 */
export function lastYear2023Text(grandTotal = '4,000.00'): string {
  let text = final2023Text();
  text = plant(text, 60, '4,372.70', grandTotal, 3);
  text = plant(text, 185, '3,813.80', '3,500.00', 3);
  text = plant(text, 199, '2,580.28', '2,400.00', 3);
  return plant(text, 308, '54.50', '60.00', 7);
}
