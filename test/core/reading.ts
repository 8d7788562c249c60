import { checkWorkbook, FormResult } from '../../src/core/engine';
import { parseAddress } from '../../src/core/grid';
import { NumberReading } from '../../src/core/values';
import { Read, countedIndicators, indicatorSum, totalFundRow } from '../../src/core/form';
import { labelKey } from '../../src/core/labels';
import { gridOf } from './fixtures';

const shown = (r: Read<NumberReading> | null | undefined): string | null =>
  r && r.value.kind === 'number' ? r.value.shown.toFixed(r.value.decimals) + (r.value.percent ? '%' : '') : null;

/**
 * What a reviewer would read off a form: its printed fund numbers, its indicators
 * (count, names, 分值 and 得分 sums), its total and grade. Cell addresses are left out so
 * that readings of a form moved around a sheet compare equal.
 */
export function readingOf(r: FormResult) {
  const { form } = r;
  const fund = totalFundRow(form);
  const counted = countedIndicators(form);
  return {
    project: form.project?.value ?? null,
    unit: form.fund?.unit ?? null,
    fund: fund && {
      initialBudget: shown(fund.initialBudget),
      budget: shown(fund.budget),
      actual: shown(fund.actual),
      weight: shown(fund.weight),
      rate: shown(fund.rate),
      score: shown(fund.score),
    },
    fundLines: form.fund?.rows.map((row) => [row.line, shown(row.budget), shown(row.actual)]) ?? [],
    indicators: counted.length,
    names: counted.map((i) => `${i.level1}/${i.level2}/${labelKey(i.name.value)}`),
    targets: counted.map((i) => i.target.text.replace(/\s+/g, '')),
    weightSum: indicatorSum(form, 'weight').toFixed(),
    scoreSum: indicatorSum(form, 'score').toFixed(),
    total: form.total && { weight: shown(form.total.weight), score: shown(form.total.score) },
    grade: form.grade?.value ?? null,
  };
}

/** Each real form cut out of its sheet, as rows of text. */
export function formsOf(label: string, rows: string[][]): { label: string; rows: string[][]; clean: boolean }[] {
  const result = checkWorkbook([gridOf(rows)]);
  return result.forms.map((f, i) => {
    const [a, b] = f.form.range.split(':').map(parseAddress);
    return { label: `${label} #${i + 1}`, rows: rows.slice(a.row, b.row + 1).map((r) => [...r]), clean: true };
  });
}
