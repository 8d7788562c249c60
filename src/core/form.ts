import { Decimal } from './decimal';
import { FundLine } from './labels';
import { Measure, NumberReading } from './values';

/** What was read from one cell: the reading and where it sits. */
export interface Read<T> {
  value: T;
  /** A1 address on the form's sheet. */
  cell: string;
}

export type FormKind = 'self-eval' | 'declaration';

/** One row of the fund table (项目资金). */
export interface FundRow {
  line: FundLine;
  label: Read<string>;
  initialBudget: Read<NumberReading> | null;
  budget: Read<NumberReading> | null;
  actual: Read<NumberReading> | null;
  weight: Read<NumberReading> | null;
  rate: Read<NumberReading> | null;
  score: Read<NumberReading> | null;
}

export interface FundTable {
  unit: '元' | '万元';
  /** The 执行率 column is labelled `执行率(%)`: its numbers are percents without a sign. */
  rateColumnIsPercent: boolean;
  rows: FundRow[];
}

/** The 绩效目标申报表 fund block: 项目资金总额 = 财政资金 + 其他资金. */
export interface DeclarationFunds {
  unit: '元' | '万元';
  total: Read<NumberReading> | null;
  fiscal: Read<NumberReading> | null;
  other: Read<NumberReading> | null;
  yearTotal: Read<NumberReading> | null;
  yearFiscal: Read<NumberReading> | null;
  yearCarryOver: Read<NumberReading> | null;
  yearOther: Read<NumberReading> | null;
}

export interface Indicator {
  /** Zero-based sheet row. */
  row: number;
  level1: string;
  level2: string;
  name: Read<string>;
  target: Read<Measure> & { text: string };
  actual: Read<Measure> & { text: string };
  weight: Read<NumberReading> | null;
  score: Read<NumberReading> | null;
  /** 偏差原因分析及改进措施; where the column is missing, the cell it would be in. */
  reason: Read<string>;
  /** Set when the same row appears again (a repeated PDF row): not counted twice. */
  duplicateOf: number | null;
}

export interface Form {
  /** Stable id: `sheet!A1:I27`. */
  id: string;
  kind: FormKind;
  /**
   * What the form evaluates: a project, or a department's whole spending
   * (部门整体支出绩效自评表, with a 部门 line instead of 项目名称/主管部门/实施单位).
   */
  scope: 'project' | 'department';
  sheet: string;
  /** A1 range of the form. */
  range: string;
  /** A1 address of the form's first cell (its title, or first row). */
  anchor: string;
  project: Read<string> | null;
  department: Read<string> | null;
  unit: Read<string> | null;
  year: number | null;
  fund: FundTable | null;
  declarationFunds: DeclarationFunds | null;
  indicators: Indicator[];
  /** Where the indicator table's 得分/年度指标值 column header sits, for findings about the table. */
  indicatorHeader: Read<string> | null;
  total: { label: Read<string>; weight: Read<NumberReading> | null; score: Read<NumberReading> | null } | null;
  grade: Read<string> | null;
  /** Why parts of the form could not be read (a form cut off halfway, say). */
  problems: { cell: string; message: string }[];
}

/** The 年度资金总额 row, if the form has one. */
export function totalFundRow(form: Form): FundRow | null {
  return form.fund?.rows.find((r) => r.line === 'total') ?? null;
}

export function countedIndicators(form: Form): Indicator[] {
  return form.indicators.filter((i) => i.duplicateOf === null);
}

export type { Decimal };

/** The sum of a number column (分值 or 得分) over the counted indicators; cells without a number add nothing. */
export function indicatorSum(form: Form, column: 'weight' | 'score'): Decimal {
  return countedIndicators(form).reduce((sum, i) => {
    const v = i[column]?.value;
    return v?.kind === 'number' ? sum.plus(v.value) : sum;
  }, new Decimal(0));
}
