import type { Num } from '../numbers.js';
import type { Sentence } from '../text.js';

const CLAUSE = /[，,；;：:、()]/;

/** The words between the previous clause mark and a number: what the number is said to be. */
export function subjectBefore(s: Sentence, n: Num, from = 0): string {
  let i = n.start;
  while (i > from) {
    const ch = s.text[i - 1] ?? '';
    // “收、支总计” is one word: its 、 does not end the subject.
    if (ch === '、' && s.text[i - 2] === '收' && s.text[i] === '支') {
      i--;
      continue;
    }
    if (CLAUSE.test(ch)) break;
    i--;
  }
  return s.text.slice(i, n.start);
}

/** How deep in parentheses the character at `at` stands. */
export function parenDepth(s: Sentence, at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    if (s.text[i] === '(') depth++;
    else if (s.text[i] === ')') depth = Math.max(0, depth - 1);
  }
  return depth;
}

export const inParens = (s: Sentence, at: number): boolean => parenDepth(s, at) > 0;

/** The last money figure before `before` whose subject passes `test`. */
export function lastMoney(nums: Num[], before: number, test: (subject: string) => boolean, s: Sentence): Num | undefined {
  return [...nums].reverse().find((n) => n.kind === 'money' && n.start < before && test(subjectBefore(s, n)));
}

/** A subject that names a budget figure (预算数为), not an actual one. */
export const BUDGET = (subject: string): boolean => /预算(数)?(为)?$/.test(subject) && !/决算/.test(subject);
/** A subject that names an actual figure (决算数, 支出). */
export const ACTUAL = (subject: string): boolean => /决算(数)?(为)?$|支出(为)?$/.test(subject) && !/预算(数)?(为)?$/.test(subject);
