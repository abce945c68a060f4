import { describe } from 'vitest';
import { correctedValues, plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('narrative-explanation', () => {
  plantedErrors(
    'narrative-explanation',
    [
      { file: ZHUZHOU_TEXT, line: 571, from: '社会保险补贴专项21.8万元', to: '社会保险补贴专项12.8万元', severity: 'info' },
    ],
    [SYNTHETIC],
  );
  correctedValues('narrative-explanation', [
    { file: ZHUZHOU_TEXT, line: 539, from: '自收自支事业编制人员经费补助23.63万元', to: '自收自支事业编制人员经费补助18.82万元' },
  ]);
});
