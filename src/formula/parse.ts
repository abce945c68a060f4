import type { Binding, CellRef, ColumnRef, Condition, Domain, Filter, Formula, Name, Operand, RelOp, RowRef, RowSet, Term, Var } from './ast.js';

/** Why a formula does not parse: a message and the character offset it points at. */
export interface FormulaError {
  message: { zh: string; en: string };
  /** 0-based offset into the formula text; absent for a name that does not resolve. */
  offset?: number;
}

export type Parsed = { ok: true; formula: Formula } | { ok: false; error: FormulaError };

type TokenKind = 'word' | 'string' | 'var' | 'punct' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  offset: number;
}

/** Letters, digits, `_` and CJK ideographs make up a word; `-` and `:` join two word characters. */
const WORD_CHAR = /[A-Za-z0-9_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const PUNCT = ['<=', '>=', '=', '+', '-', '[', ']', '(', ')', '{', '}', '.', ',', '&', '|', '*'];

/** Words with a meaning of their own; as names they must be quoted. */
export const KEYWORDS = new Set(['sum', 'children', 'group', 'for', 'in', 'rows', 'columns', 'if', 'and', 'or', 'not', 'present', 'absent']);

class Fail extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly offset: number,
  ) {
    super(en);
  }
}

/** A number literal: digits with an optional fraction (a word of that shape in value position). */
const NUMBER = /^\d+(\.\d+)?$/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j];
        j++;
      }
      if (j >= text.length) throw new Fail('引号没有闭合', 'unterminated string', i);
      if (value === '') throw new Fail('名称不能为空', 'empty name', i);
      tokens.push({ kind: 'string', text: value, offset: i });
      i = j + 1;
      continue;
    }
    if (ch === '$') {
      let j = i + 1;
      while (j < text.length && WORD_CHAR.test(text[j] ?? '')) j++;
      if (j === i + 1) throw new Fail('“$”后应为变量名', 'a variable name must follow “$”', i);
      tokens.push({ kind: 'var', text: text.slice(i + 1, j), offset: i });
      i = j;
      continue;
    }
    if (WORD_CHAR.test(ch)) {
      let j = i + 1;
      for (;;) {
        const c = text[j] ?? '';
        if (WORD_CHAR.test(c)) j++;
        else if ((c === '-' || c === ':') && WORD_CHAR.test(text[j + 1] ?? '')) j += 2;
        // A decimal point inside digits belongs to the number (12.50), not to a column access.
        else if (c === '.' && /^\d+$/.test(text.slice(i, j)) && /\d/.test(text[j + 1] ?? '')) j += 2;
        else break;
      }
      tokens.push({ kind: 'word', text: text.slice(i, j), offset: i });
      i = j;
      continue;
    }
    const punct = PUNCT.find((p) => text.startsWith(p, i));
    if (!punct) throw new Fail(`无法识别的字符“${ch}”`, `unexpected character “${ch}”`, i);
    tokens.push({ kind: 'punct', text: punct, offset: i });
    i += punct.length;
  }
  tokens.push({ kind: 'end', text: '', offset: text.length });
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.at + ahead, this.tokens.length - 1)] as Token;
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.at++;
    return t;
  }
  private isPunct(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'punct' && t.text === text;
  }
  private isKeyword(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'word' && t.text === word;
  }
  private expectPunct(text: string): void {
    const t = this.peek();
    if (t.kind !== 'punct' || t.text !== text) throw this.unexpected(`“${text}”`, `“${text}”`);
    this.next();
  }
  private expectKeyword(word: string): void {
    if (!this.isKeyword(word)) throw this.unexpected(`“${word}”`, `“${word}”`);
    this.next();
  }
  private unexpected(zhWanted: string, enWanted: string): Fail {
    const t = this.peek();
    const got = t.kind === 'end' ? { zh: '公式结尾', en: 'the end of the formula' } : { zh: `“${t.text}”`, en: `“${t.text}”` };
    return new Fail(`此处应为${zhWanted}，实为${got.zh}`, `expected ${enWanted}, found ${got.en}`, t.offset);
  }

  /** A name: a non-keyword word, or a string. */
  private name(zh: string, en: string): Name {
    const t = this.peek();
    if (t.kind === 'string' || (t.kind === 'word' && !KEYWORDS.has(t.text))) {
      this.next();
      return t.text;
    }
    throw this.unexpected(zh, en);
  }
  private variable(): Var {
    const t = this.peek();
    if (t.kind !== 'var') throw this.unexpected('变量（如 $r）', 'a variable (such as $r)');
    this.next();
    return { kind: 'var', name: t.text };
  }
  private rowRef(): RowRef {
    if (this.peek().kind === 'var') return this.variable();
    return { kind: 'name', name: this.name('行（键、科目编码或名称）', 'a row (key, code or label)') };
  }
  private columnRef(): ColumnRef {
    if (this.peek().kind === 'var') return this.variable();
    return { kind: 'name', name: this.name('栏目', 'a column') };
  }
  private filter(): Filter {
    const field = this.name('筛选字段（如 level）', 'a filter field (such as level)');
    this.expectPunct('=');
    const value = this.name('筛选值', 'a filter value');
    return { field, value };
  }
  private filters(): Filter[] {
    const list = [this.filter()];
    while (this.isPunct('&')) {
      this.next();
      list.push(this.filter());
    }
    return list;
  }

  formula(): Formula {
    const left = this.side();
    const opToken = this.peek();
    if (opToken.kind !== 'punct' || !['=', '<=', '>='].includes(opToken.text)) throw this.unexpected('“=”、“<=”或“>=”', '“=”, “<=” or “>=”');
    this.next();
    const op = opToken.text as RelOp;
    const right = this.side();
    const bindings: Binding[] = [];
    if (this.isKeyword('for')) {
      this.next();
      bindings.push(this.binding());
      while (this.isPunct(',')) {
        this.next();
        bindings.push(this.binding());
      }
    }
    let condition: Condition | undefined;
    if (this.isKeyword('if')) {
      this.next();
      condition = this.condition();
    }
    if (this.peek().kind !== 'end') throw this.unexpected('公式结尾', 'the end of the formula');
    return { left, op, right, bindings, ...(condition ? { condition } : {}) };
  }

  private side(): Term[] {
    const terms: Term[] = [];
    let sign: 1 | -1 = 1;
    if (this.isPunct('-')) {
      this.next();
      sign = -1;
    }
    terms.push({ sign, operand: this.operand() });
    while (this.isPunct('+') || this.isPunct('-')) {
      const s: 1 | -1 = this.next().text === '-' ? -1 : 1;
      terms.push({ sign: s, operand: this.operand() });
    }
    return terms;
  }

  private operand(): Operand {
    const t = this.peek();
    if (t.kind === 'word' && t.text === 'sum' && this.isPunct('(', 1)) {
      this.next();
      this.next();
      const table = this.name('表', 'a table');
      this.expectPunct('[');
      const rows = this.rowSet();
      this.expectPunct(']');
      this.expectPunct('.');
      const column = this.columnRef();
      this.expectPunct(')');
      return { kind: 'sum', table, rows, column };
    }
    if (t.kind === 'word' && NUMBER.test(t.text) && !this.isPunct('[', 1)) {
      this.next();
      return { kind: 'number', text: t.text };
    }
    return this.cellRef();
  }

  wholeCellRef(): CellRef {
    const ref = this.cellRef();
    if (this.peek().kind !== 'end') throw this.unexpected('结尾', 'the end');
    return ref;
  }

  private cellRef(): CellRef {
    const table = this.name('表名或数字', 'a table or a number');
    this.expectPunct('[');
    const row = this.rowRef();
    this.expectPunct(']');
    this.expectPunct('.');
    const column = this.columnRef();
    return { kind: 'cell', table, row, column };
  }

  private rowSet(): RowSet {
    if (this.isKeyword('children') && this.isPunct('(', 1)) {
      this.next();
      this.next();
      const of = this.variable();
      this.expectPunct(')');
      return { kind: 'children', of };
    }
    if (this.isKeyword('group') && this.isPunct('(', 1)) {
      this.next();
      this.next();
      const group = this.name('分组名', 'a group name');
      this.expectPunct(')');
      return { kind: 'group', group };
    }
    if (this.isPunct('{')) {
      this.next();
      const rows = [this.rowRef()];
      while (this.isPunct(',')) {
        this.next();
        rows.push(this.rowRef());
      }
      this.expectPunct('}');
      return { kind: 'list', rows };
    }
    if (this.isPunct('*')) {
      this.next();
      return { kind: 'filter', filters: [] };
    }
    return { kind: 'filter', filters: this.filters() };
  }

  private binding(): Binding {
    const variable = this.variable();
    this.expectKeyword('in');
    return { variable, domain: this.domain() };
  }

  private domain(): Domain {
    if (this.isKeyword('columns') && this.isPunct('(', 1)) {
      this.next();
      this.next();
      const table = this.name('表', 'a table');
      this.expectPunct(')');
      return { kind: 'columns', table };
    }
    if (this.isPunct('{')) {
      this.next();
      const values = [this.name('值', 'a value')];
      while (this.isPunct(',')) {
        this.next();
        values.push(this.name('值', 'a value'));
      }
      this.expectPunct('}');
      return { kind: 'list', values };
    }
    const sources = [this.rowsSource()];
    while (this.isPunct('|')) {
      this.next();
      sources.push(this.rowsSource());
    }
    return { kind: 'rows', sources };
  }

  private rowsSource(): { table: Name; filters: Filter[] } {
    this.expectKeyword('rows');
    this.expectPunct('(');
    const table = this.name('表', 'a table');
    let filters: Filter[] = [];
    if (this.isPunct(',')) {
      this.next();
      filters = this.filters();
    }
    this.expectPunct(')');
    return { table, filters };
  }

  private condition(): Condition {
    let left = this.conjunction();
    while (this.isKeyword('or')) {
      this.next();
      left = { kind: 'or', left, right: this.conjunction() };
    }
    return left;
  }
  private conjunction(): Condition {
    let left = this.unary();
    while (this.isKeyword('and')) {
      this.next();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }
  private unary(): Condition {
    if (this.isKeyword('not')) {
      this.next();
      return { kind: 'not', condition: this.unary() };
    }
    if (this.isPunct('(')) {
      this.next();
      const inner = this.condition();
      this.expectPunct(')');
      return inner;
    }
    const t = this.peek();
    if (t.kind === 'word' && (t.text === 'present' || t.text === 'absent')) {
      this.next();
      this.expectPunct('(');
      const ref = this.cellRef();
      this.expectPunct(')');
      return { kind: t.text, ref };
    }
    throw this.unexpected('条件（present、absent、not 或括号）', 'a condition (present, absent, not or a parenthesis)');
  }
}

/** Parses one formula. Never throws; never evaluates anything: the result is data. */
export function parseFormula(text: string): Parsed {
  try {
    const formula = new Parser(tokenize(text)).formula();
    return { ok: true, formula };
  } catch (error) {
    if (error instanceof Fail) return { ok: false, error: { message: { zh: error.zh, en: error.en }, offset: error.offset } };
    throw error;
  }
}

/** Parses one cell reference (`table[row].column`), as sections and conditions name cells. */
export function parseCellRef(text: string): { ok: true; ref: CellRef } | { ok: false; error: FormulaError } {
  try {
    const parser = new Parser(tokenize(text));
    return { ok: true, ref: parser.wholeCellRef() };
  } catch (error) {
    if (error instanceof Fail) return { ok: false, error: { message: { zh: error.zh, en: error.en }, offset: error.offset } };
    throw error;
  }
}

/** `第 N 个字符：message` (or the message alone), for one-line errors. */
export function describeFormulaError(error: FormulaError, lang: 'zh' | 'en'): string {
  if (error.offset === undefined) return error.message[lang];
  return lang === 'zh' ? `第 ${error.offset + 1} 个字符：${error.message.zh}` : `at character ${error.offset + 1}: ${error.message.en}`;
}
