/**
 * Department names as printed vary between the documents of one department: 中国共产党江苏省委员会
 * 办公厅 on the 2017 表, 中共江苏省委办公厅 on the 2018 表, 江苏省委办公厅 on the 说明; 政协 for
 * 中国人民政治协商会议…委员会; 办公厅 beside 办公室. Two names are the same department when their
 * keys are equal; the steps say how each name was normalised (the match is shown to the user).
 */
export interface DepartmentKey {
  key: string;
  /** The normalisations applied, in order (empty when the name was used as printed). */
  steps: string[];
}

const STEPS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/[\s\u3000]+/g, '', '去空格'],
  [/[（(]本级[)）]$/, '', '去“（本级）”'],
  [/^中国人民政治协商会议(.+?)委员会/, '$1政协', '中国人民政治协商会议…委员会 → …政协'],
  [/^中国共产党/, '中共', '中国共产党 → 中共'],
  [/^中共(.+?)委员会/, '中共$1委', '…委员会 → …委'],
  [/^中共/, '', '去“中共”'],
  [/办公室$/, '办公厅', '办公室 → 办公厅'],
];

export function departmentKey(name: string): DepartmentKey {
  let key = name;
  const steps: string[] = [];
  for (const [pattern, replacement, step] of STEPS) {
    const next = key.replace(pattern, replacement);
    if (next !== key) steps.push(step);
    key = next;
  }
  return { key, steps };
}
