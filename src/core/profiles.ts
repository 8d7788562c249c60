import { Decimal, Rounding, ROUNDING_NAMES } from './decimal';

/**
 * How a district rounds and scores the fund table (guide: "rule profiles"). Published
 * forms disagree, so every check runs under one profile, named or inferred.
 */
export interface RuleProfile {
  id: string;
  /** Short Chinese name shown to users. */
  name: string;
  /** 执行率 rounding, to `places` decimals of a percentage point. */
  rateRounding: Rounding;
  /**
   * Decimals 执行率 and 资金得分 are printed with: 2 (84.13%, 8.41), or 0 in provinces
   * that print whole numbers (86%, 9).
   */
  places: number;
  /** 资金得分 from the exact 执行率 or from the rounded one. */
  scoreBase: 'exact' | 'rounded';
  /** 资金得分 rounding, to `places` decimals. */
  scoreRounding: Rounding;
  /** Whether 资金得分 counts in 总分; `by-weights` tells from the 分值 column (90 + 10 or 100). */
  fundInTotal: 'by-weights' | 'yes' | 'no';
  /** 执行率 (percent) at or above which 资金得分 is the full 分值; null for none. */
  fullMarksThreshold: Decimal | null;
}

const base = {
  places: 2,
  scoreBase: 'exact',
  scoreRounding: 'half-up',
  fundInTotal: 'by-weights',
  fullMarksThreshold: null,
} as const;

export const NATIONAL: RuleProfile = { ...base, id: 'national', name: '全国通用（四舍五入）', rateRounding: 'half-up' };

export const PROFILES: readonly RuleProfile[] = [
  NATIONAL,
  { ...base, id: 'round-up', name: '执行率向上舍入（ROUNDUP，如宝山区）', rateRounding: 'up' },
  { ...base, id: 'round-down', name: '执行率向下舍去（ROUNDDOWN）', rateRounding: 'down' },
  {
    ...base,
    id: 'rounded-rate',
    name: '按舍入后的执行率计分',
    rateRounding: 'half-up',
    scoreBase: 'rounded',
  },
  {
    ...base,
    id: 'threshold-90',
    name: '执行率达到 90% 资金得分满分',
    rateRounding: 'half-up',
    fullMarksThreshold: new Decimal(90),
  },
  {
    ...base,
    id: 'whole-numbers',
    name: '执行率和资金得分取整（如 86%、9 分）',
    rateRounding: 'half-up',
    places: 0,
  },
  {
    ...base,
    id: 'fund-excluded',
    name: '资金得分不计入总分（指标分值合计 100）',
    rateRounding: 'half-up',
    fundInTotal: 'no',
  },
];

export function profileById(id: string): RuleProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}

/** One way of rounding the fund table: the part of a profile that decides its numbers. */
export type Route = Pick<RuleProfile, 'rateRounding' | 'scoreBase' | 'scoreRounding' | 'places'>;

export function routeName(r: Route): string {
  const base = r.scoreBase === 'exact' ? '按精确执行率' : '按舍入后的执行率';
  const whole = r.places === 0 ? '取整' : '';
  return `执行率${ROUNDING_NAMES[r.rateRounding]}${whole}，得分${base}${ROUNDING_NAMES[r.scoreRounding]}${whole}`;
}

/** Printed precisions seen on real forms, the common one first. */
export const PLACES = [2, 0] as const;

/** Every route a form may have been computed by, the profile's own first. */
export function allRoutes(): Route[] {
  const out: Route[] = [];
  for (const places of PLACES)
    for (const rateRounding of ['half-up', 'up', 'down'] as const)
      for (const scoreBase of ['exact', 'rounded'] as const)
        for (const scoreRounding of ['half-up', 'up', 'down'] as const)
          out.push({ rateRounding, scoreBase, scoreRounding, places });
  return out;
}

export function sameRoute(a: Route, b: Route): boolean {
  return (
    a.rateRounding === b.rateRounding &&
    a.scoreBase === b.scoreBase &&
    a.scoreRounding === b.scoreRounding &&
    a.places === b.places
  );
}
