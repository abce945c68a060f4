/**
 * 支出功能分类 类 (expenditure function classes) as listed in the 收入支出决算总表 expense side.
 * The summary tables name classes without codes (五、教育支出); the detail tables use codes (205).
 */
export const FUNCTION_CLASSES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['201', '一般公共服务支出'],
  ['202', '外交支出'],
  ['203', '国防支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['209', '社会保险基金支出'],
  ['210', '卫生健康支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'],
  ['227', '预备费'],
  ['229', '其他支出'],
  ['230', '转移性支出'],
  ['231', '债务还本支出'],
  ['232', '债务付息支出'],
  ['233', '债务发行费用支出'],
  ['234', '抗疫特别国债安排的支出'],
];

/** Names of classes before the 2019 and 2018 renaming, still printed in budgets of those years. */
const FORMER_NAMES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['207', '文化体育与传媒支出'],
  ['210', '医疗卫生与计划生育支出'],
  ['215', '资源勘探信息等支出'],
  ['220', '国土海洋气象等支出'],
];

const BY_NAME = new Map([...FUNCTION_CLASSES, ...FORMER_NAMES].map(([code, name]) => [name, code]));
const BY_CODE = new Map(FUNCTION_CLASSES.map(([code, name]) => [code, name]));

/** Class code for a printed class label such as “五、教育支出” or “教育支出”. */
export function functionClassCode(label: string): string | undefined {
  const name = label.replace(/^[一二三四五六七八九十]+[、.．]/, '').replace(/\s+/g, '');
  return BY_NAME.get(name) ?? BY_NAME.get(name.endsWith('支出') ? name : `${name}支出`);
}

export function functionClassName(code: string): string | undefined {
  return BY_CODE.get(code);
}

/**
 * The class a label names with one character misprinted (二十六、抗役特别国债安排的支出 for 抗疫…):
 * the one class name of the same length that differs from it in exactly one character, never a
 * short name (a misprint of a four-character name could be another word).
 */
export function misprintedFunctionClass(label: string): { code: string; name: string } | undefined {
  const printed = [...label.replace(/^[一二三四五六七八九十]+[、.．]/, '').replace(/\s+/g, '')];
  if (printed.length < 6) return undefined;
  const near = FUNCTION_CLASSES.filter(([, name]) => {
    const standard = [...name];
    return standard.length === printed.length && standard.filter((ch, i) => ch !== printed[i]).length === 1;
  });
  const [only] = near;
  return near.length === 1 && only ? { code: only[0], name: only[1] } : undefined;
}
