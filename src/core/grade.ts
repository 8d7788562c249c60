import { Decimal } from './decimal';

export type Grade = '优' | '良' | '中' | '差';

/** 评分等级: 优 ≥ 90, 良 80 to < 90, 中 60 to < 80, 差 < 60. */
export function gradeOf(total: Decimal): Grade {
  if (total.gte(90)) return '优';
  if (total.gte(80)) return '良';
  if (total.gte(60)) return '中';
  return '差';
}

export function isGrade(text: string): text is Grade {
  return text === '优' || text === '良' || text === '中' || text === '差';
}
