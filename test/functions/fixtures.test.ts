import { readFileSync } from 'fs';
import ExcelJS from 'exceljs';
import { Decimal } from '../../src/core/decimal';
import { checkWorkbook, findForms } from '../../src/core/engine';
import { Form, FundRow, Read, totalFundRow } from '../../src/core/form';
import { cellAt, Grid, parseAddress } from '../../src/core/grid';
import { parseTsv } from '../../src/core/tsv';
import { NumberReading } from '../../src/core/values';
import { readXlsx } from '../../src/io/xlsx';
import { check, rate, score } from '../../src/functions/perf';
import { FORMS_DIR } from '../core/fixtures';

/**
 * PERF.* on the published forms in ../shared/forms. Budgets, actuals and the printed
 * 执行率 and 得分 are read through the core's own form reader, never copied by hand;
 * the printed numbers are the agencies' own and are the expected results.
 */

const FORMS = FORMS_DIR;

function tsvForms(name: string): { grid: Grid; forms: Form[] } {
  const grid = parseTsv(readFileSync(`${FORMS}/${name}.tsv`, 'utf8'), name);
  return { grid, forms: findForms(grid) };
}

async function xlsxGrids(name: string): Promise<Grid[]> {
  return readXlsx(readFileSync(`${FORMS}/${name}.xlsx`), ExcelJS);
}

/** What the cell holds, as a spreadsheet passes it to a function. */
function cellArg(grid: Grid, read: Read<unknown> | null): unknown {
  if (!read) return null;
  const { row, col } = parseAddress(read.cell);
  const cell = cellAt(grid, row - grid.top, col - grid.left);
  return typeof cell.value === 'number' ? cell.value : cell.text;
}

function printed(read: Read<NumberReading> | null): Decimal {
  if (read?.value.kind !== 'number') throw new Error(`no printed number at ${read?.cell}`);
  return read.value.value;
}

function fundRowOf(form: Form): FundRow {
  const row = totalFundRow(form);
  if (!row) throw new Error(`no 年度资金总额 in ${form.id}`);
  return row;
}

/** A printed 执行率 as the fraction PERF.RATE returns: 84.13% → 0.8413. */
function asFraction(percent: Decimal): number {
  return Number(percent.div(100).toString());
}

describe('宝山 2022 (amounts in 元, 执行率 printed with ROUNDUP)', () => {
  const { grid, forms } = tsvForms('baoshan-2022-self-eval');

  it('has its 19 forms', () => {
    expect(forms.filter((f) => totalFundRow(f)).length).toBe(19);
  });

  it('PERF.RATE(…, "round-up") reproduces every printed 执行率, read from the text cells', () => {
    for (const form of forms) {
      const row = fundRowOf(form);
      const budget = cellArg(grid, row.budget);
      expect(typeof budget).toBe('string'); // "1,000,000.00": text with separators
      expect([form.project?.value, rate(budget, cellArg(grid, row.actual), 'round-up')]).toEqual([
        form.project?.value,
        asFraction(printed(row.rate)),
      ]);
    }
  });

  it('PERF.SCORE reproduces every printed 得分 by the route the author used for that row', () => {
    /*
     * Checked by hand: the author rounded 执行率 up, then mostly scored from the exact rate
     * (the round-up profile), but twice from the rounded rate:
     *   退管会管理服务 498240 / 500000 = 99.648%: exact 9.9648 → 9.96; printed 9.97 = 99.65% × 10 = 9.965 → 9.97
     *   消防设施… 133950.24 / 390000 = 34.3462%: exact 3.4346 → 3.43; printed 3.44 = 34.35% × 10 = 3.435 → 3.44
     * while 三级服务平台经费 637320 / 755600 = 84.3462% is printed 8.43, the exact route
     * (84.35% × 10 = 8.435 would print 8.44). No single profile gives all 19.
     */
    const byRoundedRate = new Set(['退管会管理服务', '消防设施、专业设备维保检测费用']);
    const exactOnly = '三级服务平台经费';
    for (const form of forms) {
      const row = fundRowOf(form);
      const args = [cellArg(grid, row.budget), cellArg(grid, row.actual), cellArg(grid, row.weight)] as const;
      const expected = Number(printed(row.score).toString());
      const name = form.project?.value ?? '';
      const roundUp = score(...args, 'round-up');
      const roundedRate = score(...args, 'rounded-rate');
      if (byRoundedRate.has(name)) {
        expect([name, roundedRate]).toEqual([name, expected]);
        expect([name, roundUp]).not.toEqual([name, expected]);
      } else {
        expect([name, roundUp]).toEqual([name, expected]);
      }
      if (name === exactOnly) {
        expect(roundUp).toBe(8.43);
        expect(roundedRate).toBe(8.44);
      }
    }
  });

  it('gives the same answers from the typed workbook (percent cells arrive as 0.8413)', async () => {
    const [sheet] = await xlsxGrids('baoshan-2022-self-eval');
    const typed = findForms(sheet);
    expect(typed.length).toBe(forms.length);
    for (const form of typed) {
      const row = fundRowOf(form);
      const budget = cellArg(sheet, row.budget);
      expect(typeof budget).toBe('number');
      // The percent cell holds the fraction itself: 0.8413 for 84.13%.
      expect(rate(budget, cellArg(sheet, row.actual), 'round-up')).toBe(cellArg(sheet, row.rate));
    }
  });

  it('PERF.CHECK finds the hand-found problems of 宝山 2022 indicator rows', async () => {
    const [sheet] = await xlsxGrids('baoshan-2022-self-eval');
    const statusOf = (project: string, indicator: string): unknown => {
      const form = findForms(sheet).find((f) => f.project?.value.startsWith(project));
      const ind = form?.indicators.find((i) => i.name.value === indicator);
      if (!ind) throw new Error(`${project} ${indicator} not found`);
      return check([[ind.target, ind.actual, ind.weight, ind.score, ind.reason].map((r) => cellArg(sheet, r))]);
    };
    // =10类 planned, =6类 done, full 20: 6 / 10 × 20 = 12 at most.
    expect(statusOf('消防设施', '维护设施设备项目')).toContain('目标未完成却给满分');
    expect(statusOf('退休健康体检', '退休人员满意度')).toContain('缺少实际完成值');
  });
});

describe('青浦 2024 (amounts in 万元, 执行率(%) column)', () => {
  it('PERF.SCORE reproduces every printed 得分 but the misprinted 8.72 of 劳模创新工作室 (34.08 / 41.20 → 8.27)', async () => {
    const grids = await xlsxGrids('qingpu-2024-self-eval');
    const seen: string[] = [];
    for (const grid of grids) {
      for (const form of findForms(grid)) {
        const row = fundRowOf(form);
        const got = score(cellArg(grid, row.budget), cellArg(grid, row.actual), cellArg(grid, row.weight));
        const expected = Number(printed(row.score).toString());
        if (form.project?.value === '青浦区劳模创新工作室创建') {
          // 34.08 / 41.20 = 82.7184…% × 10 = 8.27; the form prints 8.72 (digits swapped).
          expect(expected).toBe(8.72);
          expect(got).toBe(8.27);
        } else {
          expect([form.project?.value, got]).toEqual([form.project?.value, expected]);
        }
        seen.push(form.project?.value ?? '');
      }
    }
    expect(seen).toHaveLength(5);
    // The engine flags the same cell with the same expected value.
    const mismatch = checkWorkbook(grids, { profile: 'national' }).findings.filter((f) => f.code === 'FUND_SCORE_MISMATCH');
    expect(mismatch.map((f) => [f.sheet, f.cell, f.expected])).toEqual([['表4', 'H6', '8.27']]);
  });

  it('PERF.CHECK over each full 8-column indicator row (A:H) finds exactly the hand-found problems', async () => {
    const grids = await xlsxGrids('qingpu-2024-self-eval');
    const found: Record<string, unknown> = {};
    let rows = 0;
    for (const grid of grids) {
      for (const form of findForms(grid)) {
        for (const ind of form.indicators) {
          const values = Array.from({ length: 8 }, (_, c) => {
            const cell = cellAt(grid, ind.row - grid.top, c - grid.left);
            return typeof cell.value === 'number' ? cell.value : cell.text;
          });
          const status = check([values]);
          rows++;
          if (status !== '') found[`${grid.sheet}!${ind.row + 1}`] = status;
        }
      }
    }
    expect(rows).toBe(8 + 15 + 13 + 7 + 10);
    expect(found).toEqual({
      // 灵活就业人员满意率 ≥90% met with 95%, yet 8 of 10: a met target scores full.
      '表1!20': '得分应为 10.00',
      // 劳模长效管理机制健全性 部分达成 → 60–80% of 3 = 1.80–2.40, printed 2.5.
      '表2!26': '得分超出范围（1.80–2.40）',
      // 开展为老服务人数 10412 < 10459, 9 of 10, no 偏差原因 (guide: known facts).
      '表3!15': '缺少偏差原因',
      // 注册会员卡数 140000 of ≥176000 → at most 140000 / 176000 × 20 = 15.91, printed 17.
      '表5!13': '得分超出范围（0.00–15.91）',
      // 工会会员满意度 96% against ≥100%, 9 of 10, no 偏差原因 (guide: known facts).
      '表5!22': '缺少偏差原因',
    });
  });
});
