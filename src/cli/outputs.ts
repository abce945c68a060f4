import { resolve } from 'node:path';
import type { Lang } from '../engine/messages.js';
import { FORMATS, type FormatName } from '../report/index.js';

/** A `-f` or `-o` as given on the command line, in order. */
export type OutputFlag = { flag: 'format'; value: FormatName } | { flag: 'output'; value: string };

/** One report to write: a format and its file, or standard output (`output` null). */
export interface OutputTarget {
  format: FormatName;
  output: string | null;
}

export type OutputProblem =
  | { kind: 'output-without-format'; output: string }
  | { kind: 'several-to-stdout'; formats: FormatName[] }
  | { kind: 'needs-file'; format: FormatName }
  | { kind: 'same-output'; output: string };

export type OutputPlan = { ok: true; targets: OutputTarget[] } | { ok: false; problem: OutputProblem };

/**
 * Pairs formats with output files in command-line order: each `-o` belongs to the `-f` before it
 * (`-f html -o r.html -f json -o r.json`); an `-o` before any unpaired `-f` waits for the next one
 * (`-o r.json -f json`). With no `-f`, the report is text. At most one format may go to standard output.
 */
export function planOutputs(flags: readonly OutputFlag[]): OutputPlan {
  const targets: OutputTarget[] = [];
  const waiting: string[] = [];
  for (const f of flags) {
    if (f.flag === 'format') {
      targets.push({ format: f.value, output: waiting.shift() ?? null });
      continue;
    }
    const last = targets.at(-1);
    if (last && last.output === null && waiting.length === 0) last.output = f.value;
    else waiting.push(f.value);
  }
  if (targets.length === 0) targets.push({ format: 'text', output: waiting.shift() ?? null });
  const extra = waiting[0];
  if (extra !== undefined) return { ok: false, problem: { kind: 'output-without-format', output: extra } };
  const toStdout = targets.filter((t) => t.output === null);
  if (toStdout.length > 1) return { ok: false, problem: { kind: 'several-to-stdout', formats: toStdout.map((t) => t.format) } };
  const binary = toStdout.find((t) => FORMATS[t.format].fileOnly);
  if (binary) return { ok: false, problem: { kind: 'needs-file', format: binary.format } };
  const seen = new Set<string>();
  for (const t of targets) {
    if (t.output === null) continue;
    const path = resolve(t.output);
    if (seen.has(path)) return { ok: false, problem: { kind: 'same-output', output: t.output } };
    seen.add(path);
  }
  return { ok: true, targets };
}

/** The one line a usage problem with -f/-o prints. */
export function outputProblemText(problem: OutputProblem, lang: Lang): string {
  const zh = lang === 'zh';
  switch (problem.kind) {
    case 'output-without-format':
      return zh ? `${problem.output}：-o/--output 没有对应的 -f/--format` : `${problem.output}: -o/--output has no -f/--format to go with`;
    case 'several-to-stdout':
      return zh
        ? `只有一种格式可以写到标准输出，${problem.formats.join('、')} 需要各自的 -o/--output 文件`
        : `only one format may go to standard output; give ${problem.formats.join(', ')} an -o/--output file each`;
    case 'needs-file':
      return zh ? `${problem.format} 格式必须用 -o/--output 写入文件` : `the ${problem.format} format must be written to a file with -o/--output`;
    case 'same-output':
      return zh ? `${problem.output}：两种格式不能写入同一个文件` : `${problem.output}: two formats cannot be written to the same file`;
    default: {
      const never: never = problem;
      return never;
    }
  }
}
