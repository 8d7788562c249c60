import { Decimal } from './decimal';
import { FormResult, WorkbookResult } from './engine';
import { FundRow, Read, countedIndicators, indicatorSum } from './form';
import { NumberReading } from './values';
import { FUND_LINE_NAMES } from './vocabulary';

/**
 * A readable account of what the engine read (`perfcheck --explain`): per form, which
 * cell was taken as each fund number, each indicator row with its cells, and the total,
 * so that a reviewer sees why a finding was raised.
 */
export function explainWorkbook(result: WorkbookResult): string[] {
  const lines = [`规则：${result.profile.reason}`];
  result.forms.forEach((r, i) => lines.push('', ...explainForm(r, i + 1)));
  if (result.forms.length === 0) lines.push('', '没有找到绩效自评表或申报表。');
  return lines;
}

const FUND_CELLS: [keyof Omit<FundRow, 'line' | 'label'>, string][] = [
  ['initialBudget', '年初预算数'],
  ['budget', '全年预算数'],
  ['actual', '全年执行数'],
  ['weight', '分值'],
  ['rate', '执行率'],
  ['score', '得分'],
];

function number(read: Read<NumberReading> | null): string {
  if (!read) return '（无此栏）';
  const v = read.value;
  const text =
    v.kind === 'number' ? v.shown.toFixed(v.decimals) + (v.percent ? '%' : '') : v.kind === 'empty' ? '空' : v.text;
  return `${read.cell} ${text}`;
}

function text(read: Read<string> | null, empty = '空'): string {
  return read ? `${read.cell} ${read.value === '' ? empty : read.value}` : '（未找到）';
}

export function explainForm(result: FormResult, ordinal: number): string[] {
  const { form } = result;
  const kind = form.kind === 'self-eval' ? '自评表' : '申报表';
  const lines = [`表 ${ordinal}（${kind}）${form.sheet}!${form.range}`];
  lines.push(`  项目名称 ${text(form.project)}；主管部门 ${text(form.department)}；实施单位 ${text(form.unit)}`);
  if (form.fund) {
    lines.push(`  项目资金（单位：${form.fund.unit}${form.fund.rateColumnIsPercent ? '，执行率一栏为百分数' : ''}）`);
    for (const row of form.fund.rows) {
      const cells = FUND_CELLS.filter(([k]) => row[k] !== null).map(([k, name]) => `${name} ${number(row[k])}`);
      lines.push(`    ${row.label.value}（${row.label.cell}，${FUND_LINE_NAMES[row.line]}）：${cells.join('；')}`);
    }
  } else if (form.kind === 'self-eval') {
    lines.push('  项目资金：未找到');
  }
  if (result.fund) {
    const f = result.fund;
    const show = (x: Decimal | null, unit = '') => (x === null ? '—' : x.toFixed() + unit);
    lines.push(
      `    重算：执行率 ${show(f.rate.computed, '%')}（表中 ${show(f.rate.printed, '%')}），资金得分 ${show(f.score.computed)}（表中 ${show(f.score.printed)}）`,
    );
  }
  const counted = countedIndicators(form);
  const header = form.indicatorHeader ? `表头 ${form.indicatorHeader.cell}` : '未找到表头';
  lines.push(
    `  绩效指标 ${counted.length} 个（${header}；分值合计 ${indicatorSum(form, 'weight').toFixed()}，得分合计 ${indicatorSum(form, 'score').toFixed()}）`,
  );
  for (const ind of form.indicators) {
    const dup = ind.duplicateOf === null ? '' : `（与第 ${ind.duplicateOf + 1} 行重复，不计）`;
    lines.push(
      `    第 ${ind.row + 1} 行 ${ind.level1 || '?'} / ${ind.level2 || '?'} / ${text(ind.name)}${dup}：` +
        `指标值 ${ind.target.cell} ${ind.target.text || '空'}；实际完成值 ${ind.actual.cell} ${ind.actual.text || '空'}；` +
        `分值 ${number(ind.weight)}；得分 ${number(ind.score)}；偏差原因 ${text(ind.reason)}`,
    );
  }
  if (form.total) {
    lines.push(
      `  总分（${form.total.label.cell}）：分值 ${number(form.total.weight)}；得分 ${number(form.total.score)}`,
    );
  } else if (form.kind === 'self-eval') {
    lines.push('  总分：未找到');
  }
  if (form.grade) lines.push(`  评分等级：${text(form.grade)}`);
  if (result.totals) {
    const t = result.totals;
    lines.push(`    重算：总分 ${t.total.computed?.toFixed() ?? '—'}（表中 ${t.total.printed?.toFixed() ?? '—'}）`);
  }
  lines.push(`  问题 ${result.findings.length} 个`);
  for (const f of result.findings) lines.push(`    ${f.cell} ${f.message}`);
  return lines;
}
