import fc from 'fast-check';
import { checkWorkbook, INTERNAL_ERROR, WorkbookResult } from '../../src/core/engine';
import { Cell, Grid } from '../../src/core/grid';
import { fixtureRows, gridOf } from './fixtures';

/** Words that steer the reader: labels, numbers, dashes, error values, targets. */
const token = fc.oneof(
  fc.constantFrom(
    '',
    '财政项目支出绩效自评表',
    '绩效目标申报表',
    '项目名称',
    '项目资金（万元）',
    '项目资金 (元)',
    '年度资金总额',
    '其中：当年财政拨款',
    '全年预算数',
    '全年执行数',
    '分值',
    '执行率',
    '得分',
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '偏差原因分析及改进措施',
    '产出指标',
    '数量指标',
    '满意度指标',
    '成本指标',
    '总分',
    '评分等级',
    '优',
    '—',
    '-',
    '#DIV/0!',
    '#N/A',
    '≥100.00(%)',
    '=0',
    '约2000人次',
    '达成指标',
    '0',
    '-5',
    '1e308',
    'NaN',
  ),
  fc.double({ noNaN: false }).map(String),
  fc.string({ maxLength: 6 }),
);

/** The engine catches a failure per form so users keep their other forms; tests must not. */
function checkedCleanly(result: WorkbookResult) {
  expect(result.findings.filter((f) => f.message.includes(INTERNAL_ERROR))).toEqual([]);
}

const grid = fc.array(fc.array(token, { maxLength: 10 }), { maxLength: 40 }).map((rows) => gridOf(rows, 'Random'));

test('random grids never throw, and every finding points at a real cell', () => {
  fc.assert(
    fc.property(grid, fc.nat({ max: 3 }), fc.nat({ max: 3 }), (g, top, left) => {
      const result = checkWorkbook([{ ...g, top, left }]);
      checkedCleanly(result);
      for (const f of result.findings) expect(f.cell).toMatch(/^[A-Z]+[1-9][0-9]*$/);
    }),
    { numRuns: 300 },
  );
});

test('mutated real forms never throw and still find their forms', () => {
  const base = fixtureRows('qingpu-2024-self-eval');
  const edit = fc.record({ row: fc.nat({ max: base.length - 1 }), col: fc.nat({ max: 8 }), value: token });
  fc.assert(
    fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
      const rows = base.map((r) => [...r]);
      for (const e of edits) {
        while (rows[e.row].length <= e.col) rows[e.row].push('');
        rows[e.row][e.col] = e.value;
      }
      const result = checkWorkbook([gridOf(rows)]);
      checkedCleanly(result);
      const titles = rows.filter((r) => r.some((c) => c.includes('绩效自评表'))).length;
      expect(result.forms.length).toBeGreaterThanOrEqual(Math.min(1, titles));
    }),
    { numRuns: 200 },
  );
});

test('typed cells of every kind never throw', () => {
  const value = fc.oneof(
    fc.double().map((v): Cell => ({ value: v, text: String(v), format: '0.00%' })),
    fc.double().map((v): Cell => ({ value: v, text: String(v), format: '#,##0.00' })),
    fc.boolean().map((v): Cell => ({ value: v, text: String(v) })),
    fc.constantFrom('#DIV/0!', '#REF!').map((e): Cell => ({ value: { error: e }, text: e })),
  );
  const base = gridOf(fixtureRows('qingpu-2024-self-eval'));
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat({ max: 120 }), fc.nat({ max: 7 }), value), { maxLength: 30 }), (edits) => {
      const g: Grid = { ...base, cells: base.cells.map((r) => [...r]) };
      for (const [r, c, v] of edits) {
        if (!g.cells[r]) g.cells[r] = [];
        g.cells[r][c] = v;
      }
      checkedCleanly(checkWorkbook([g]));
    }),
    { numRuns: 200 },
  );
});

test('names from the workbook are never looked up on an object prototype', () => {
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    const rows = fixtureRows('qingpu-2024-self-eval').slice(0, 22);
    rows[13][1] = name; // the 二级指标 of the second indicator
    rows[14][2] = name; // a 三级指标 name
    const result = checkWorkbook([gridOf(rows)]);
    checkedCleanly(result);
    const indicators = result.forms[0].form.indicators;
    expect(indicators).toHaveLength(8);
    for (const i of indicators) {
      expect(typeof i.level1).toBe('string');
      expect(typeof i.level2).toBe('string');
    }
    // Not a known 二级 name: the row keeps the level above it, never Object.prototype's.
    expect(indicators[1].level1).toBe('产出指标');
    expect(indicators[1].level2).toBe('数量指标');
  }
});

test('one value far out in XFD1048576 costs nothing: the form reads as without it', () => {
  const rows = fixtureRows('qingpu-2024-self-eval');
  const plain = checkWorkbook([gridOf(rows)]);
  const far = gridOf(rows);
  const last: Grid['cells'][number] = [];
  last[16383] = { value: '附注', text: '附注' };
  far.cells[1048575] = last;
  for (let r = 0; r < far.cells.length; r++) far.cells[r] ??= [];
  const result = checkWorkbook([far]);
  expect(result.forms.map((f) => f.form.indicators.length)).toEqual(plain.forms.map((f) => f.form.indicators.length));
  expect(result.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(plain.findings.map((f) => `${f.code}@${f.cell}`));
});
