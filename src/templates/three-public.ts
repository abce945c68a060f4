import type { Localized } from '../model/finding.js';

/** The lines of the 财政拨款“三公”经费支出决算表, each printed as 预算数 and 决算数. */
export const THREE_PUBLIC_ITEMS = ['total', 'abroad', 'vehicle', 'purchase', 'operation', 'reception'] as const;
export type ThreePublicItem = (typeof THREE_PUBLIC_ITEMS)[number];

export const THREE_PUBLIC_NAMES: Record<ThreePublicItem, Localized> = {
  total: { zh: '合计', en: 'total' },
  abroad: { zh: '因公出国（境）费', en: 'official travel abroad' },
  vehicle: { zh: '公务用车购置及运行维护费', en: 'official vehicles (subtotal)' },
  purchase: { zh: '公务用车购置费', en: 'vehicle purchase' },
  operation: { zh: '公务用车运行维护费', en: 'vehicle operation and maintenance' },
  reception: { zh: '公务接待费', en: 'official reception' },
};
export const THREE_PUBLIC_KINDS: Record<'budget' | 'actual', Localized> = {
  budget: { zh: '预算数', en: 'budget' },
  actual: { zh: '决算数', en: 'actual' },
};

/** “决算数 公务接待费” for a column key such as `actual-reception`. */
export function threePublicColumnName(key: string): Localized {
  const [kind, item] = key.split('-') as ['budget' | 'actual', ThreePublicItem];
  const k = THREE_PUBLIC_KINDS[kind];
  const i = THREE_PUBLIC_NAMES[item];
  return k && i ? { zh: `${k.zh}${i.zh}`, en: `${k.en} ${i.en}` } : { zh: key, en: key };
}

/** How each item's column heading reads in a printed header (spaces removed, ASCII brackets). */
export const THREE_PUBLIC_HEADINGS: ReadonlyArray<readonly [ThreePublicItem, RegExp]> = [
  ['total', /^合计$/],
  ['abroad', /因公出国/],
  ['vehicle', /^小计$|^公务用车购置及运行(维护)?费$/],
  ['purchase', /^(公务用车)?购置费$/],
  ['operation', /^(公务用车)?运行(维护)?费$/],
  ['reception', /接待/],
];

/**
 * The identities within the 三公 row, for 预算数 and 决算数 alike: what a reader uses to tell which
 * value is which when a text lost the columns (the rules check the same sums).
 */
export const THREE_PUBLIC_SUMS: ReadonlyArray<readonly [ThreePublicItem, readonly ThreePublicItem[]]> = [
  ['total', ['abroad', 'vehicle', 'reception']],
  ['vehicle', ['purchase', 'operation']],
];

/** The 预算数 and 决算数 group headings. */
export const THREE_PUBLIC_KIND_HEADINGS: Readonly<Record<'budget' | 'actual', RegExp>> = {
  budget: /^预算数?$/,
  actual: /^决算数?$/,
};
