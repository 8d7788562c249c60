import { blankForm } from '../../src/core/blankForm';
import { decimalFromNumber } from '../../src/core/decimal';
import { checkWorkbook } from '../../src/core/engine';
import { applyWrites } from '../../src/core/fixes';
import { totalFundRow } from '../../src/core/form';
import { Cell, columnName, Grid, parseAddress } from '../../src/core/grid';
import { PROFILES } from '../../src/core/profiles';
import { evaluate } from './formulaEngine';

/** The blank form as a spreadsheet holds it once inserted on an empty sheet. */
function inserted(sheet: string, anchor: string, profile?: string): { grid: Grid; form: ReturnType<typeof blankForm> } {
  const form = blankForm(sheet, anchor, { profile });
  return { grid: applyWrites({ sheet, top: 0, left: 0, cells: [] }, form.writes), form };
}

/** Types `values` into the grid at cells relative to the form's top-left cell (row, column offsets). */
function typed(grid: Grid, anchor: string, values: [number, number, Cell['value']][]): Grid {
  const at = parseAddress(anchor);
  return applyWrites(
    grid,
    values.map(([r, c, v]) => {
      const cell = `${columnName(at.col + c)}${at.row + r + 1}`;
      return typeof v === 'number'
        ? { sheet: grid.sheet, cell, kind: 'number', value: String(v), numberFormat: null }
        : { sheet: grid.sheet, cell, kind: 'text', value: String(v), numberFormat: null };
    }),
  );
}

/** What an accountant fills in: amounts in 万元, the indicators, their scores, and reasons where a score falls short. */
const FILLED: [number, number, Cell['value']][] = [
  [2, 1, '社区养老服务补贴'],
  [3, 1, '区民政局'],
  [3, 5, '区养老服务中心'],
  [5, 1, 412.5],
  [5, 2, 412.5],
  [5, 3, 341.27],
  [6, 1, 300],
  [6, 2, 300],
  [6, 3, 250.27],
  [7, 1, 100],
  [7, 2, 100],
  [7, 3, 80],
  [8, 1, 12.5],
  [8, 2, 12.5],
  [8, 3, 11],
  ...[10, 10, 9.5, 10, 10, 8, 10, 10, 9].flatMap((score, i): [number, number, Cell['value']][] => [
    [12 + i, 2, `服务项目${i + 1}`],
    [12 + i, 3, '≥100%'],
    [12 + i, 4, score === 10 ? '100%' : '90%'],
    [12 + i, 6, score],
    ...(score < 10 ? [[12 + i, 7, '部分服务延至下年'] as [number, number, Cell['value']]] : []),
  ]),
];

describe('插入空白自评表: the national template with its formulas and rules', () => {
  it('inserted anywhere, it reads as one self-evaluation form: four fund lines, nine indicators, 10 + 90 分', () => {
    for (const anchor of ['A1', 'B3', 'K40']) {
      const { grid, form } = inserted('项目自评', anchor);
      const { forms } = checkWorkbook([grid]);
      expect(forms).toHaveLength(1);
      const read = forms[0].form;
      expect(read.kind).toBe('self-eval');
      expect(read.fund!.rows.map((r) => r.label)).toHaveLength(4);
      expect(totalFundRow(read)!.weight!.value).toMatchObject({ kind: 'number' });
      expect(read.indicators).toHaveLength(9);
      const weights = read.indicators.reduce(
        (s, i) => s + (i.weight?.value.kind === 'number' ? i.weight.value.value.toNumber() : 0),
        0,
      );
      expect(weights).toBe(90);
      expect(read.grade?.cell).toBeDefined();
      expect(form.area.startsWith(`${anchor}:`)).toBe(true);
      // Every cell written lies inside the area the caller checks for blankness.
      const [from, to] = form.area.split(':').map(parseAddress);
      for (const w of form.writes) {
        const p = parseAddress(w.cell);
        expect(p.row >= from.row && p.row <= to.row && p.col >= from.col && p.col <= to.col).toBe(true);
      }
    }
  });

  it('writes no sample amounts or scores: only labels, 分值 and formulas, which show blanks until filled', () => {
    const { grid, form } = inserted('Sheet1', 'B3');
    const numbers = form.writes.filter((w) => w.kind === 'number').map((w) => Number(w.value));
    expect(numbers.sort((a, b) => a - b)).toEqual([10, ...Array(9).fill(10), 100]);
    const formulas = form.writes.filter((w) => w.kind === 'formula');
    expect(formulas.map((w) => w.cell).sort()).toEqual(['C25', 'G10', 'G11', 'G8', 'G9', 'H24', 'H8']);
    const value = evaluate([grid], formulas);
    for (const w of formulas) expect({ cell: w.cell, got: value('Sheet1', w.cell) }).toEqual({ cell: w.cell, got: '' });
  });

  it.each(PROFILES.map((p) => p.id))('filled in, its formulas give the engine’s values under %s', (profile) => {
    const { grid, form } = inserted('Sheet1', 'B3', profile);
    const filled = typed(grid, 'B3', FILLED);
    const formulas = form.writes.filter((w) => w.kind === 'formula');
    const value = evaluate([filled], formulas);
    // The sheet as the spreadsheet shows it once calculated: each formula cell holds its value.
    const calculated = applyWrites(
      filled,
      formulas.map((w) => {
        const v = value('Sheet1', w.cell);
        return typeof v === 'number'
          ? { ...w, kind: 'number', value: decimalFromNumber(v).toFixed(), numberFormat: null }
          : { ...w, kind: 'text', value: String(v), numberFormat: null };
      }),
    );
    const result = checkWorkbook([calculated], { profile });
    const { fund, totals, form: read } = result.forms[0];
    const row = totalFundRow(read)!;
    const shown = (a1: string) => decimalFromNumber(value('Sheet1', a1) as number).toFixed();
    expect(shown(row.rate!.cell)).toBe(fund!.rate.computed!.div(100).toFixed());
    expect(shown(row.score!.cell)).toBe(fund!.score.computed!.toFixed());
    expect(shown(read.total!.score!.cell)).toBe(totals!.total.computed!.toFixed());
    expect(value('Sheet1', read.grade!.cell)).toBe(totals!.grade.computed);
    const arithmetic = [
      'FUND_RATE_MISMATCH',
      'FUND_SCORE_MISMATCH',
      'TOTAL_MISMATCH',
      'TOTAL_RECOMPUTED_MISMATCH',
      'GRADE_MISMATCH',
    ];
    expect(result.findings.filter((f) => arithmetic.includes(f.code))).toEqual([]);
  });

  it('checked before anything is filled in, it is one finding at its title; the first amount brings each blank cell back', () => {
    const { grid } = inserted('Sheet1', 'B3');
    const blank = checkWorkbook([grid]).findings;
    expect(blank.map((f) => [f.code, f.cell])).toEqual([['EMPTY_FIELD', 'B3']]);
    expect(blank[0].message).toMatch(/^此表尚未填写/);
    const started = checkWorkbook([typed(grid, 'B3', [[5, 2, 412.5]])]).findings;
    expect(started.length).toBeGreaterThan(10);
    expect(started.filter((f) => f.code === 'EMPTY_FIELD').map((f) => f.cell)).toContain('C5');
  });

  it('the rules cover the nine 得分 cells and mark a short score without a reason', () => {
    const { grid, form } = inserted('Sheet1', 'B3');
    expect(form.rules.map((r) => [r.range, r.meaning])).toEqual([
      ['H15:H23', '得分低于分值，但没有填写偏差原因'],
      ['H15:H23', '得分超过分值'],
    ]);
    const short = typed(grid, 'B3', [[12, 6, 7]]);
    const probe = (formula: string) =>
      evaluate([short], [{ sheet: 'Sheet1', cell: 'Z1', value: formula }])('Sheet1', 'Z1');
    expect(probe(form.rules[0].formula)).toBe(true);
    expect(probe(form.rules[1].formula)).toBe(false);
  });

  it('=PERF.* formulas on request, with the profile named', () => {
    const form = blankForm('Sheet1', 'A1', { perf: true, profile: 'round-up' });
    const formulas = form.writes.filter((w) => w.kind === 'formula').map((w) => w.value);
    expect(formulas.every((f) => f.startsWith('PERF.'))).toBe(true);
    expect(formulas).toContain('PERF.SCORE(C6,D6,E6,"round-up")');
  });
});
