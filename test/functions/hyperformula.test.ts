import { readFileSync } from 'fs';
import ExcelJS from 'exceljs';
import {
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import { findForms } from '../../src/core/engine';
import { totalFundRow } from '../../src/core/form';
import { Grid, isCellError } from '../../src/core/grid';
import { readXlsx } from '../../src/io/xlsx';
import * as perf from '../../src/functions/perf';
import { PerfError, PerfErrorCode } from '../../src/functions/perfError';
import { FORMS_DIR } from '../core/fixtures';
import { join } from 'path';

/**
 * PERF.* as formulas in a real spreadsheet engine. HyperFormula stands in for Excel and
 * WPS: a sheet is built from a published form, the formulas reference its cells, and the
 * engine evaluates them, passing cell values (numbers, text, blanks, ranges) the way a
 * spreadsheet does. The plugin below is glue only: values in, PerfError → error out.
 */

const ERROR_TYPES: Record<PerfErrorCode, ErrorType> = {
  '#VALUE!': ErrorType.VALUE,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#N/A': ErrorType.NA,
  '#NUM!': ErrorType.NUM,
};
const ERROR_TEXT: Partial<Record<ErrorType, string>> = {
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NA]: '#N/A',
  [ErrorType.NUM]: '#NUM!',
};

/** A HyperFormula value as the spreadsheet would hand it to a custom function. */
function plain(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(plain));
  if (v instanceof CellError) return ERROR_TEXT[v.type] ?? '#VALUE!';
  // Typed numbers (percent, currency) come wrapped with their subtype.
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: number }).val;
  return v;
}

function cellResult(r: number | string | PerfError): number | string | CellError {
  return r instanceof PerfError ? new CellError(ERROR_TYPES[r.code], r.message) : r;
}

type Fn = (...args: unknown[]) => number | string | PerfError;
const scalar = { argumentType: FunctionArgumentType.SCALAR };
const optional = { argumentType: FunctionArgumentType.SCALAR, optionalArg: true };
const anyArg = { argumentType: FunctionArgumentType.ANY };
const range = { argumentType: FunctionArgumentType.RANGE };

class PerfPlugin extends FunctionPlugin {
  private call(id: string, fn: Fn, ast: { args: unknown[] }, state: unknown) {
    // HyperFormula's Ast and InterpreterState types are not exported; the values pass through.
    return this.runFunction(ast.args as never, state as never, this.metadata(id), (...args: unknown[]) =>
      cellResult(fn(...args.map(plain))),
    );
  }
  rate(ast: { args: unknown[] }, state: unknown) {
    return this.call('PERF.RATE', perf.rate, ast, state);
  }
  score(ast: { args: unknown[] }, state: unknown) {
    return this.call('PERF.SCORE', perf.score, ast, state);
  }
  indicator(ast: { args: unknown[] }, state: unknown) {
    return this.call('PERF.INDICATOR', perf.indicator, ast, state);
  }
  grade(ast: { args: unknown[] }, state: unknown) {
    return this.call('PERF.GRADE', perf.grade, ast, state);
  }
  total(ast: { args: unknown[] }, state: unknown) {
    return this.call('PERF.TOTAL', perf.total, ast, state);
  }
  check(ast: { args: unknown[] }, state: unknown) {
    return this.call('PERF.CHECK', perf.check, ast, state);
  }
}
PerfPlugin.implementedFunctions = {
  'PERF.RATE': { method: 'rate', parameters: [scalar, scalar, optional] },
  'PERF.SCORE': { method: 'score', parameters: [scalar, scalar, optional, optional] },
  'PERF.INDICATOR': { method: 'indicator', parameters: [scalar, scalar, scalar] },
  'PERF.GRADE': { method: 'grade', parameters: [scalar] },
  'PERF.TOTAL': { method: 'total', parameters: [anyArg, optional] },
  'PERF.CHECK': { method: 'check', parameters: [range] },
};

const NAMES = Object.keys(PerfPlugin.implementedFunctions);
HyperFormula.registerFunctionPlugin(PerfPlugin, { enGB: Object.fromEntries(NAMES.map((n) => [n, n])) });

/** A grid's values as sheet content; text starting with `=` (a target like `=10类`) stays text. */
function sheetOf(grid: Grid): (string | number | boolean | null)[][] {
  return grid.cells.map((row) =>
    Array.from(row ?? [], (cell) => {
      const v = cell?.value ?? null;
      if (v === null || isCellError(v)) return null;
      return typeof v === 'string' && v.startsWith('=') ? `'${v}` : v;
    }),
  );
}

async function workbook(name: string): Promise<Grid[]> {
  return readXlsx(readFileSync(join(FORMS_DIR, `${name}.xlsx`)), ExcelJS);
}

describe('PERF.* evaluated by HyperFormula', () => {
  it('宝山 2022: =PERF.RATE(D8,E8,"round-up") and =PERF.SCORE(D8,E8,F8,…) next to every printed 执行率 and 得分', async () => {
    const [grid] = await workbook('baoshan-2022-self-eval');
    const content = sheetOf(grid);
    const fundRows = findForms(grid).map((f) => totalFundRow(f)!);
    expect(fundRows).toHaveLength(19);
    // Two 得分 of this workbook were scored from the rounded 执行率 (see fixtures.test.ts).
    const byRoundedRate = new Set([253, 379]);
    for (const r of fundRows) {
      const n = Number(r.budget!.cell.slice(1));
      const line = content[n - 1];
      const profile = byRoundedRate.has(n) ? 'rounded-rate' : 'round-up';
      line[10] = `=PERF.RATE(D${n},E${n},"round-up")`;
      line[11] = `=PERF.SCORE(D${n},E${n},F${n},"${profile}")`;
      line[12] = `=K${n}=G${n}`;
      line[13] = `=L${n}=H${n}`;
    }
    const hf = HyperFormula.buildFromArray(content, { licenseKey: 'gpl-v3' });
    try {
      for (const r of fundRows) {
        const n = Number(r.budget!.cell.slice(1));
        const at = (col: number) => hf.getCellValue({ sheet: 0, row: n - 1, col });
        expect([n, at(10), at(11)]).toEqual([n, at(6), at(7)]);
        expect([n, at(12), at(13)]).toEqual([n, true, true]);
      }
      // The first form's fund row is row 8: 1,000,000 of 1,000,000 → 100%, 10.
      expect(hf.getCellValue({ sheet: 0, row: 7, col: 11 })).toBe(10);
    } finally {
      hf.destroy();
    }
  });

  it('青浦 2024 表4: =PERF.SCORE(D6,E6,F6) is 8.27 where 8.72 is printed, and the total and grade follow', async () => {
    const grids = await workbook('qingpu-2024-self-eval');
    const grid = grids.find((g) => g.sheet === '表4')!;
    const content = sheetOf(grid);
    const n = content.length + 1; // the first added row, 1-based
    content.push(
      ['=PERF.SCORE(D6,E6,F6)', `=PERF.TOTAL(G13:G19,A${n})`, `=PERF.GRADE(B${n})`, '=PERF.TOTAL(G13:G19,H6)', '=PERF.RATE(D6,E6)'],
      ['=PERF.INDICATOR(D16,E16,F16)', '=PERF.INDICATOR("≥176000.00(张)","140000.00(张)",20)', '=PERF.CHECK(A13:H13)', '=PERF.CHECK(D13:H13)'],
    );
    const hf = HyperFormula.buildFromArray(content, { licenseKey: 'gpl-v3' });
    try {
      const at = (row: number, col: number) => hf.getCellValue({ sheet: 0, row, col });
      const last = n - 1;
      expect(at(5, 7)).toBe(8.72); // printed
      expect(at(last, 0)).toBe(8.27);
      // 15 + 15 + 20 + 2.7 + 2.8 + 4 + 28.3 = 87.8; with 8.27 → 96.07 (guide), with 8.72 → 96.52 (printed).
      expect(at(last, 1)).toBe(96.07);
      expect(at(last, 2)).toBe('优');
      expect(at(last, 3)).toBe(96.52);
      expect(at(last, 4)).toBe(0.8272);
      // 劳模覆盖率 =100 with >=90 done only says "at least 90": it cannot be judged.
      expect(at(last + 1, 0)).toBeInstanceOf(DetailedCellError);
      expect((at(last + 1, 0) as DetailedCellError).value).toBe('#N/A');
      expect((at(last + 1, 0) as DetailedCellError).message).toContain('实际完成值为区间');
      expect(at(last + 1, 1)).toBe(15.91);
      expect(at(last + 1, 2)).toBe('');
      expect(at(last + 1, 3)).toBe('');
    } finally {
      hf.destroy();
    }
  });

  it('青浦 2024: =PERF.CHECK over real rows gives the known missing 偏差原因', async () => {
    const grids = await workbook('qingpu-2024-self-eval');
    const hf = HyperFormula.buildFromSheets(Object.fromEntries(grids.map((g) => [g.sheet, sheetOf(g)])), { licenseKey: 'gpl-v3' });
    try {
      const formula = (sheet: string, text: string) => hf.calculateFormula(text, hf.getSheetId(sheet)!);
      expect(formula('表3', '=PERF.CHECK(A15:H15)')).toBe('缺少偏差原因');
      expect(formula('表5', '=PERF.CHECK(D22:H22)')).toBe('缺少偏差原因');
      expect(formula('表5', '=PERF.CHECK(A13:H13)')).toBe('得分超出范围（0.00–15.91）');
      expect(formula('表3', '=PERF.CHECK(A17:H17)')).toBe('');
    } finally {
      hf.destroy();
    }
  });

  it('rounds as Excel does and turns failures into error values with Chinese messages', () => {
    const hf = HyperFormula.buildFromArray(
      [
        // F1: typing 84.13% makes a number (0.8413) in a spreadsheet, as it does here.
        [100, 84.35, null, '—', '1,000,000.00', '84.13%', 0.1, 0.2, '=PERF.RATE(A1,F1*A1)'],
        ['=PERF.SCORE(A1,B1)', '=PERF.RATE(A1,C1)', '=PERF.RATE(D1,B1)', '=PERF.RATE(E1,"841,300.00","round-up")', '=PERF.SCORE(A1,"84.13%")', '=PERF.TOTAL(G1:H1)', '=PERF.RATE(C1,B1)', '=PERF.GRADE(PERF.TOTAL(G1:H1)*300)'],
      ],
      { licenseKey: 'gpl-v3' },
    );
    try {
      const at = (col: number) => hf.getCellValue({ sheet: 0, row: 1, col });
      expect(at(0)).toBe(8.44); // 84.35% × 10 = 8.435 → 8.44
      expect((at(1) as DetailedCellError).value).toBe('#N/A'); // blank 执行数
      expect((at(2) as DetailedCellError).value).toBe('#DIV/0!'); // 预算 "—"
      expect(at(3)).toBe(0.8413); // 841,300 / 1,000,000 = 84.13% exactly, ROUNDUP keeps it
      expect((at(4) as DetailedCellError).message).toBe('全年执行数“84.13%”是百分数，应填写数字');
      expect(at(5)).toBe(0.3);
      expect((at(6) as DetailedCellError).value).toBe('#DIV/0!'); // blank 预算
      expect(at(7)).toBe('优'); // 0.3 × 300 = 90
      expect(hf.getCellValue({ sheet: 0, row: 0, col: 8 })).toBe(0.8413);
    } finally {
      hf.destroy();
    }
  });
});
