/** Messages of the rules that hold one appropriation column of the 财政拨款总表 against its detail table. */
export const FISCAL_COLUMN_MESSAGES = {
  total: {
    zh: '{fiscal}“本年支出合计”中{fund}应与{detail}合计一致',
    en: '{fiscal} total expenditure, {fund} column, must agree with the {detail} total',
  },
  class: {
    zh: '{fiscal}“{name}”中{fund}应与{detail} {code} 类一致',
    en: '{fiscal} “{name}”, {fund} column, must agree with class {code} of the {detail}',
  },
} as const;
