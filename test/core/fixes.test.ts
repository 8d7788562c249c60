import { checkWorkbook } from '../../src/core/engine';
import { Finding } from '../../src/core/findings';
import { fixWorkbook } from '../../src/core/fixAll';
import { fixWrite } from '../../src/core/fixes';
import { totalFundRow } from '../../src/core/form';
import { Cell, columnName, Grid, parseAddress } from '../../src/core/grid';
import { fixtureRows, fixtureTsv, fixtureXlsx, gridOf } from './fixtures';
import { PROVINCE_FORMS, provinceTsv } from './provinces';

/** A copy of the grids with one cell replaced, as a person typing into the sheet would leave it. */
function typed(grids: Grid[], sheet: string, a1: string, cell: Cell | null): Grid[] {
  return grids.map((g) => {
    if (g.sheet !== sheet) return g;
    const { row, col } = parseAddress(a1);
    const cells = g.cells.map((r) => (r ? [...r] : []));
    cells[row - g.top][col - g.left] = cell;
    return { ...g, cells };
  });
}

const key = (f: Finding) => `${f.sheet}!${f.cell} ${f.code}`;

async function allFixtures(): Promise<[string, Grid[]][]> {
  return [
    ['baoshan-2022-self-eval.xlsx', await fixtureXlsx('baoshan-2022-self-eval')],
    ['qingpu-2024-self-eval.xlsx', await fixtureXlsx('qingpu-2024-self-eval')],
    ['qingpu-2024-self-eval.tsv', [fixtureTsv('qingpu-2024-self-eval')]],
    ['baoshan-2024-target-declaration.xlsx', await fixtureXlsx('baoshan-2024-target-declaration')],
    ...PROVINCE_FORMS.map((p): [string, Grid[]] => [p, [provinceTsv(p)]]),
  ];
}

describe('fixes on findings', () => {
  it('青浦 表4: the wrong 资金得分 and the total that followed it carry the values the form determines', async () => {
    const { findings } = checkWorkbook(await fixtureXlsx('qingpu-2024-self-eval'));
    const score = findings.find((f) => f.code === 'FUND_SCORE_MISMATCH')!;
    expect(score).toMatchObject({ sheet: '表4', cell: 'H6', fix: { cell: 'H6', value: '8.27', as: 'number' } });
    const total = findings.find((f) => f.code === 'TOTAL_RECOMPUTED_MISMATCH')!;
    expect(total.fix).toEqual({ cell: 'G20', value: '96.07', as: 'number' });
    expect(fixWrite('表4', total.fix!)).toEqual({
      sheet: '表4',
      cell: 'G20',
      kind: 'number',
      value: '96.07',
      numberFormat: null,
    });
  });

  it('what only a person can decide has no fix, and its message says what to write', async () => {
    const { findings } = checkWorkbook(await fixtureXlsx('qingpu-2024-self-eval'));
    const personal = findings.filter((f) => ['MISSING_DEVIATION_REASON', 'SCORE_OUT_OF_BAND'].includes(f.code));
    expect(personal.length).toBeGreaterThan(0);
    for (const f of personal) expect(f.fix).toBeUndefined();
    expect(findings.find((f) => f.code === 'MISSING_DEVIATION_REASON')!.message).toMatch(/应填写偏差原因/);
  });

  it('a percent-formatted 执行率 is fixed as a percent, a typed text rate as text', async () => {
    const grids = await fixtureXlsx('qingpu-2024-self-eval');
    const asPercent = typed(grids, '表2', 'G6', { value: 0.9, text: '90.00%', format: '0.00%' });
    const rate = checkWorkbook(asPercent).findings.find((f) => f.sheet === '表2' && f.cell === 'G6')!;
    expect(rate.code).toBe('FUND_RATE_MISMATCH');
    expect(rate.fix).toEqual({ cell: 'G6', value: '95.37', as: 'percent' });
    expect(fixWrite('表2', rate.fix!).value).toBe('0.9537');
    const asText = typed(grids, '表2', 'G6', { value: '90.00%', text: '90.00%' });
    expect(checkWorkbook(asText).findings.find((f) => f.cell === 'G6' && f.sheet === '表2')!.fix).toEqual({
      cell: 'G6',
      value: '95.37%',
      as: 'text',
    });
  });

  it('a blank 执行率 in a plain 执行率 column is written as a percent, formatted as one', async () => {
    const grids = await fixtureXlsx('baoshan-2022-self-eval');
    const first = checkWorkbook(grids).forms[0];
    const rate = totalFundRow(first.form)!.rate!;
    const blank = typed(grids, first.form.sheet, rate.cell, null);
    const finding = checkWorkbook(blank).findings.find((f) => f.sheet === first.form.sheet && f.cell === rate.cell)!;
    expect(finding.code).toBe('EMPTY_FIELD');
    expect(finding.fix).toEqual({
      cell: rate.cell,
      value: first.fund!.rate.computed!.toFixed(),
      as: 'percent',
      numberFormat: '0.00%',
    });
    const { after } = fixWorkbook(blank);
    expect(after.findings.filter((f) => f.sheet === first.form.sheet && f.cell === rate.cell)).toEqual([]);
  });

  it('a wrong 等级 is fixed; a 年度资金总额 of 0 over filled lines becomes their sum', async () => {
    const grids = await fixtureXlsx('qingpu-2024-self-eval');
    const findings = checkWorkbook(typed(grids, '表1', 'B22', { value: '良', text: '良' })).findings;
    expect(findings.find((f) => f.sheet === '表1' && f.code === 'GRADE_MISMATCH')!.fix).toEqual({
      cell: 'B22',
      value: '优',
      as: 'text',
    });
    const tangxi = checkWorkbook([provinceTsv('tangxi-2022-1')]).findings;
    const subtotals = tangxi.filter((f) => f.code === 'FUND_SUBTOTAL_MISMATCH');
    expect(subtotals.map((f) => f.fix?.value)).toEqual(['90', '89.974', '89.974']);
  });
});

describe('全部改正 (fixWorkbook)', () => {
  it('on every fixture, every fixable finding is gone after fixing and every other finding stays', async () => {
    let fixedSomewhere = 0;
    for (const [name, grids] of await allFixtures()) {
      const { before, after, changes } = fixWorkbook(grids);
      const fixable = before.findings.filter((f) => f.fix).map(key);
      const remaining = new Set(after.findings.map(key));
      expect({ name, left: fixable.filter((k) => remaining.has(k)) }).toEqual({ name, left: [] });
      expect({ name, fixableAfter: after.findings.filter((f) => f.fix).map(key) }).toEqual({ name, fixableAfter: [] });
      const unfixable = before.findings.filter(
        (f) => !f.fix && !changes.some((c) => c.write.cell === f.cell && c.write.sheet === f.sheet),
      );
      // FUND_BUDGET_ZERO sits on the 年度资金总额 budget that was 0: filled from its lines, it is gone.
      for (const f of unfixable.filter((f) => f.code !== 'FUND_BUDGET_ZERO'))
        expect({ name, kept: remaining.has(key(f)) }).toEqual({ name, kept: true });
      fixedSomewhere += changes.length;
    }
    expect(fixedSomewhere).toBeGreaterThanOrEqual(7);
  });

  it('follows a fix to what it uncovers: 年度资金总额 → 执行率 → 资金得分 (棠溪镇)', () => {
    const { changes, after } = fixWorkbook([provinceTsv('tangxi-2022-1')]);
    expect(changes.map((c) => `${c.write.cell} ${c.before} → ${c.after}`)).toEqual([
      'C7 0 → 90',
      'D7 0 → 89.974',
      'E7 0 → 89.974',
      'G7 0 → 100.00%',
      'H7 0 → 10.00',
    ]);
    expect(after.findings.some((f) => f.code.startsWith('FUND_'))).toBe(false);
  });

  it('never writes a 总分 over its 分值 100 when the 总分 is left blank', async () => {
    const grids = await fixtureXlsx('qingpu-2024-self-eval');
    const blank = typed(grids, '表3', 'G26', null);
    const findings = checkWorkbook(blank).findings.filter((f) => f.sheet === '表3');
    // The 总分 row's only number is its 分值 (F26): the blank 总分 is G26's, and said so.
    expect(findings.some((f) => f.code === 'TOTAL_MISMATCH')).toBe(false);
    expect(findings.filter((f) => f.cell === 'G26').map((f) => f.code)).toEqual(['EMPTY_FIELD']);
    const changes = fixWorkbook(blank).changes.filter((c) => c.write.sheet === '表3');
    expect(changes.map((c) => c.write.cell)).not.toContain('F26');
  });

  it('a corrected 总分 also corrects the 等级 that matched only the wrong total', async () => {
    const grids = await fixtureXlsx('qingpu-2024-self-eval');
    // 表2 totals 96.04 (优); a slip to 86.04 with a matching 良 shows only the total as wrong.
    const slipped = typed(typed(grids, '表2', 'G28', { value: 86.04, text: '86.04', format: '0.00' }), '表2', 'B29', {
      value: '良',
      text: '良',
    });
    expect(
      checkWorkbook(slipped)
        .findings.filter((f) => f.sheet === '表2')
        .map((f) => f.code),
    ).not.toContain('GRADE_MISMATCH');
    const { changes, after } = fixWorkbook(slipped);
    expect(
      changes.filter((c) => c.write.sheet === '表2').map((c) => `${c.write.cell} ${c.before} → ${c.after}`),
    ).toEqual(['G28 86.04 → 96.04', 'B29 良 → 优']);
    expect(after.findings.filter((f) => f.fix)).toEqual([]);
  });

  it('keeps to the profile decided on the original, whole numbers included', async () => {
    const grids = await fixtureXlsx('qingpu-2024-self-eval');
    const { profileId, changes, after } = fixWorkbook(grids, { profile: 'whole-numbers' });
    expect(profileId).toBe('whole-numbers');
    expect(after.profile.profile.id).toBe('whole-numbers');
    const scoreFix = changes.find((c) => c.write.sheet === '表4' && c.write.cell === 'H6')!;
    expect(scoreFix.write.value).toBe('8');
    expect(after.findings.filter((f) => f.fix)).toEqual([]);
  });

  it('a form moved down and right, or read as a used range that starts elsewhere, gets the same fixes moved with it', () => {
    const rows = fixtureRows('qingpu-2024-self-eval');
    const shiftedAddress = (a1: string, dr: number, dc: number) => {
      const { row, col } = parseAddress(a1);
      return `${columnName(col + dc)}${row + 1 + dr}`;
    };
    const plain = fixWorkbook([gridOf(rows, 'S')]).changes.map((c) => [c.write.cell, c.write.value, c.before]);
    expect(plain.length).toBeGreaterThanOrEqual(2);
    const padded = [[], [], [], ...rows.map((r) => ['', '', ...r])];
    const moved = fixWorkbook([gridOf(padded, 'S')]).changes.map((c) => [c.write.cell, c.write.value, c.before]);
    expect(moved).toEqual(plain.map(([cell, v, b]) => [shiftedAddress(cell, 3, 2), v, b]));
    const usedRange = fixWorkbook([gridOf(rows, 'S', 3, 2)]).changes.map((c) => [
      c.write.cell,
      c.write.value,
      c.before,
    ]);
    expect(usedRange).toEqual(moved);
  });

  it('leaves the grids it was given as they were', async () => {
    const grids = await fixtureXlsx('qingpu-2024-self-eval');
    const snapshot = JSON.stringify(grids);
    fixWorkbook(grids);
    expect(JSON.stringify(grids)).toBe(snapshot);
  });
});
