import { checkWorkbook } from '../../src/core/engine';
import { Finding, FindingCode } from '../../src/core/findings';
import { formRows, gridOf, setCell } from './fixtures';

/** 青浦 2024 表1 (灵活就业工作经费), rows 1–22 of the fixture: a clean 8-column form. */
const form1 = () => formRows('qingpu-2024-self-eval', 1, 22);

function check(rows: string[][], profile?: string) {
  return checkWorkbook([gridOf(rows)], { profile }).findings;
}

function edit(...cells: [string, string][]) {
  const rows = form1();
  for (const [a1, v] of cells) setCell(rows, a1, v);
  return check(rows);
}

const codes = (fs: Finding[]) => fs.map((f) => `${f.code}@${f.cell}`).sort();
const one = (fs: Finding[], code: FindingCode) => {
  const hits = fs.filter((f) => f.code === code);
  expect(hits).toHaveLength(1);
  return hits[0];
};

test('the untouched form has only the warning on its 95% satisfaction scored 8 of 10', () => {
  expect(codes(check(form1()))).toEqual(['SCORE_OUT_OF_BAND@G20']);
});

describe('fund table', () => {
  test('FUND_RATE_MISMATCH names the expected rate', () => {
    const f = one(edit(['G6', '99.50']), 'FUND_RATE_MISMATCH');
    expect(f).toMatchObject({ cell: 'G6', severity: 'error', expected: '99.98', actual: '99.50' });
    expect(f.message).toContain('99.98%');
  });

  test('FUND_SCORE_MISMATCH and the total that no longer adds up', () => {
    const fs = edit(['H6', '9.50']);
    expect(one(fs, 'FUND_SCORE_MISMATCH')).toMatchObject({ cell: 'H6', expected: '10.00', actual: '9.5' });
    expect(one(fs, 'TOTAL_MISMATCH')).toMatchObject({ cell: 'G21', expected: '97.50', actual: '98' });
  });

  test('FUND_SUBTOTAL_MISMATCH when 年度资金总额 is not the sum of its parts', () => {
    const f = one(edit(['E7', '60.00'], ['G7', '94.58']), 'FUND_SUBTOTAL_MISMATCH');
    expect(f).toMatchObject({ cell: 'E6', expected: '60', actual: '63.43' });
  });

  test('FUND_BUDGET_ZERO for a zero or blank 全年预算数, without a crash', () => {
    const zero = edit(['D6', '0'], ['D7', '0']).filter((f) => f.code === 'FUND_BUDGET_ZERO');
    expect(codes(zero)).toEqual(['FUND_BUDGET_ZERO@D6', 'FUND_BUDGET_ZERO@D7']);
    const blank = edit(['D6', ''], ['D7', '']).filter((f) => f.code === 'FUND_BUDGET_ZERO');
    expect(blank.map((f) => f.message)).toEqual([
      '当年财政拨款的全年预算数为空白，无法计算执行率',
      '年度资金总额的全年预算数为空白，无法计算执行率',
    ]);
  });

  test('FUND_OVER_100 warns and the score stays capped at 分值', () => {
    const fs = edit(['E6', '70.00'], ['E7', '70.00'], ['G6', '110.34'], ['G7', '110.34']);
    expect(codes(fs.filter((f) => f.code === 'FUND_OVER_100'))).toEqual(['FUND_OVER_100@E6', 'FUND_OVER_100@E7']);
    expect(fs.find((f) => f.cell === 'E6')).toMatchObject({ severity: 'warning', expected: '63.44', actual: '70' });
    expect(fs.filter((f) => f.code === 'FUND_SCORE_MISMATCH')).toEqual([]);
  });

  test('UNPARSABLE_VALUE for an Excel error value, NEGATIVE_AMOUNT for a negative amount', () => {
    expect(one(edit(['E6', '#DIV/0!']), 'UNPARSABLE_VALUE')).toMatchObject({ cell: 'E6', actual: '#DIV/0!' });
    const negative = edit(['E6', '-63.43'], ['E7', '-63.43']).filter((f) => f.code === 'NEGATIVE_AMOUNT');
    expect(codes(negative)).toEqual(['NEGATIVE_AMOUNT@E6', 'NEGATIVE_AMOUNT@E7']);
  });

  test('a full-marks threshold profile gives 10 at 90% and above', () => {
    const rows = form1();
    setCell(rows, 'E6', '57.10'); // 57.10 / 63.44 = 90.01%
    setCell(rows, 'E7', '57.10');
    setCell(rows, 'G6', '90.01');
    setCell(rows, 'G7', '90.01');
    expect(codes(check(rows, 'threshold-90'))).toEqual(['SCORE_OUT_OF_BAND@G20']);
    expect(one(check(rows, 'national'), 'FUND_SCORE_MISMATCH')).toMatchObject({ expected: '9.00' });
  });
});

describe('indicators', () => {
  test('SCORE_EXCEEDS_WEIGHT', () => {
    expect(one(edit(['G13', '16.00'], ['G21', '99.00']), 'SCORE_EXCEEDS_WEIGHT')).toMatchObject({
      cell: 'G13',
      actual: '16',
    });
  });

  test('MISSING_DEVIATION_REASON where a score falls short and no reason is given', () => {
    expect(one(edit(['H20', '']), 'MISSING_DEVIATION_REASON')).toMatchObject({ cell: 'H20', severity: 'error' });
  });

  test('a satisfaction scored by its actual (95% → 9.50) without a reason is only info', () => {
    const fs = edit(['G20', '9.50'], ['H20', ''], ['G21', '99.50']);
    expect(codes(fs)).toEqual(['MISSING_DEVIATION_REASON@H20']);
    expect(fs[0].severity).toBe('info');
  });

  test('TARGET_NOT_MET_FULL_SCORE with the proportional score, and the missing reason', () => {
    const fs = edit(['E13', '7000.00(人)']);
    expect(one(fs, 'TARGET_NOT_MET_FULL_SCORE')).toMatchObject({ cell: 'G13', expected: '13.13', severity: 'warning' });
    expect(one(fs, 'MISSING_DEVIATION_REASON').cell).toBe('H13');
  });

  test('SCORE_OUT_OF_BAND for a 部分达成 indicator given full marks', () => {
    const f = edit(['E16', '部分达成指标并具有一定效果']).find((x) => x.cell === 'G16')!;
    expect(f).toMatchObject({ code: 'SCORE_OUT_OF_BAND', expected: '6.00–8.00' });
  });

  test('EXEC_RATE_INDICATOR_MISMATCH when a 预算执行率 indicator states another rate', () => {
    const fs = edit(['C15', '预算执行率'], ['D15', '≥90.00(%)'], ['E15', '95.00(%)']);
    expect(one(fs, 'EXEC_RATE_INDICATOR_MISMATCH')).toMatchObject({ cell: 'E15', expected: '99.98%' });
    expect(
      edit(['C15', '预算执行率'], ['D15', '≥90.00(%)'], ['E15', '99.98(%)']).some(
        (f) => f.code === 'EXEC_RATE_INDICATOR_MISMATCH',
      ),
    ).toBe(false);
  });

  test('MISSING_CATEGORY when the 满意度 row is gone', () => {
    const rows = form1();
    rows.splice(19, 1);
    const fs = check(rows);
    expect(one(fs, 'MISSING_CATEGORY')).toMatchObject({ cell: 'A12' });
    expect(one(fs, 'MISSING_CATEGORY').message).toContain('满意度指标');
  });

  test('DUPLICATE_INDICATOR for a repeated row, counted once', () => {
    const rows = form1();
    rows.splice(17, 0, [...rows[16]]);
    const fs = check(rows);
    expect(one(fs, 'DUPLICATE_INDICATOR')).toMatchObject({ cell: 'C18' });
    expect(fs.some((f) => f.code === 'WEIGHT_SUM_MISMATCH' || f.code === 'TOTAL_MISMATCH')).toBe(false);
  });

  test('EMPTY_FIELD for blank 分值, 得分 and 实际完成值', () => {
    const fs = edit(['E14', ''], ['F15', ''], ['G16', '']);
    expect(codes(fs.filter((f) => f.code === 'EMPTY_FIELD'))).toEqual([
      'EMPTY_FIELD@E14',
      'EMPTY_FIELD@F15',
      'EMPTY_FIELD@G16',
    ]);
  });
});

describe('totals and grade', () => {
  test('TOTAL_MISMATCH names the sum of the printed scores', () => {
    expect(one(edit(['G21', '97.00']), 'TOTAL_MISMATCH')).toMatchObject({
      cell: 'G21',
      expected: '98.00',
      actual: '97',
    });
  });

  test('WEIGHT_SUM_MISMATCH when 分值 do not add up to 100', () => {
    expect(one(edit(['F13', '20.00'], ['G13', '20.00'], ['G21', '103.00']), 'WEIGHT_SUM_MISMATCH')).toMatchObject({
      expected: '90',
      actual: '95',
    });
  });

  test('indicators worth 100 keep the fund score out of the total', () => {
    expect(codes(edit(['F19', '20.00'], ['G19', '20.00'], ['G21', '98.00']))).toEqual(['SCORE_OUT_OF_BAND@G20']);
  });

  test('GRADE_MISMATCH', () => {
    expect(one(edit(['B22', '良']), 'GRADE_MISMATCH')).toMatchObject({ cell: 'B22', expected: '优', actual: '良' });
  });
});

describe('fields and structure', () => {
  test('EMPTY_FIELD for a blank 项目名称', () => {
    expect(one(edit(['C3', '']), 'EMPTY_FIELD').message).toContain('项目名称');
  });

  test('a form cut off halfway is FORM_INCOMPLETE, and the form above is still checked', () => {
    const rows = [...formRows('qingpu-2024-self-eval', 82, 103), ...formRows('qingpu-2024-self-eval', 104, 118)];
    const result = checkWorkbook([gridOf(rows)]);
    expect(result.forms).toHaveLength(2);
    expect(result.forms[1].findings.map((f) => f.code)).toContain('FORM_INCOMPLETE');
    expect(result.forms[0].findings.map((f) => f.code)).toContain('FUND_SCORE_MISMATCH');
  });

  test('NO_FORM_FOUND for a sheet without a form', () => {
    const result = checkWorkbook([
      gridOf([
        ['姓名', '部门'],
        ['张三', '财务科'],
      ]),
    ]);
    expect(result.forms).toEqual([]);
    expect(result.findings).toEqual([expect.objectContaining({ code: 'NO_FORM_FOUND', severity: 'warning' })]);
  });

  test('a form anywhere on the sheet: findings point at its real cells', () => {
    const shifted = form1().map((r) => ['', '', ...r]);
    shifted.unshift([], []);
    setCell(shifted, 'J8', '9.50');
    expect(one(check(shifted), 'FUND_SCORE_MISMATCH').cell).toBe('J8');
    // A host's used range that starts at D4 instead of A1.
    const offset = checkWorkbook([gridOf(setCell(form1(), 'H6', '9.50'), 'S', 3, 3)]).findings;
    expect(one(offset, 'FUND_SCORE_MISMATCH').cell).toBe('K9');
  });
});

describe('申报表', () => {
  const decl = () => formRows('baoshan-2024-target-declaration', 32, 56);
  test('项目资金总额 must be 财政资金 + 其他资金', () => {
    const rows = setCell(decl(), 'C9', '700,000.00');
    const fs = checkWorkbook([gridOf(rows)]).findings;
    expect(one(fs, 'FUND_SUBTOTAL_MISMATCH')).toMatchObject({ cell: 'C8', expected: '700000', actual: '750000' });
  });
  test('a blank 指标值 and a missing category', () => {
    const rows = setCell(decl(), 'E16', '');
    rows.splice(24, 1);
    const fs = checkWorkbook([gridOf(rows)]).findings;
    expect(one(fs, 'EMPTY_FIELD').cell).toBe('E16');
    expect(one(fs, 'MISSING_CATEGORY').message).toContain('满意度指标');
  });
});

describe('a row whose 得分 is not a number keeps its place', () => {
  test.each([
    ['G13', '#N/A', 'UNPARSABLE_VALUE'],
    ['G15', '#N/A', 'UNPARSABLE_VALUE'],
    ['G15', '', 'EMPTY_FIELD'],
    ['G16', '八', 'UNPARSABLE_VALUE'],
    ['G20', '', 'EMPTY_FIELD'],
  ])('%s = "%s"', (cell, value, code) => {
    const rows = setCell(form1(), cell, value);
    const result = checkWorkbook([gridOf(rows)]);
    const form = result.forms[0].form;
    expect(form.indicators).toHaveLength(8);
    expect(form.indicators.map((i) => i.name.value)).toEqual(
      checkWorkbook([gridOf(form1())]).forms[0].form.indicators.map((i) => i.name.value),
    );
    expect(result.findings.filter((f) => f.cell === cell).map((f) => f.code)).toContain(code);
    expect(result.findings.some((f) => f.code === 'WEIGHT_SUM_MISMATCH' || f.code === 'MISSING_CATEGORY')).toBe(false);
  });
});

describe('locating forms', () => {
  test('blank lines between the title and 项目名称 do not split a form', () => {
    const rows = form1();
    rows.splice(2, 0, [], [], [], [], []);
    const result = checkWorkbook([gridOf(rows)]);
    expect(result.forms).toHaveLength(1);
    expect(result.forms[0].form.range).toBe('A1:H27');
    expect(codes(result.findings)).toEqual(['SCORE_OUT_OF_BAND@G25']);
  });

  test('untitled forms pasted one after another are told apart by their 项目名称', () => {
    const untitled = (from: number, to: number) => formRows('qingpu-2024-self-eval', from, to);
    const rows = [...untitled(3, 22), [], ...untitled(84, 102)];
    const result = checkWorkbook([gridOf(rows)]);
    expect(result.forms.map((r) => r.form.project?.value)).toEqual(['灵活就业工作经费', '青浦区劳模创新工作室创建']);
    expect(result.findings.find((f) => f.code === 'FUND_SCORE_MISMATCH')?.cell).toBe('H25'); // row 87 of the fixture
  });
});
