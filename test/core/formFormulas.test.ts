import { decimalFromNumber } from '../../src/core/decimal';
import { checkWorkbook } from '../../src/core/engine';
import { totalFundRow } from '../../src/core/form';
import { workbookFormulas } from '../../src/core/formFormulas';
import { Grid, parseAddress } from '../../src/core/grid';
import { PROFILES } from '../../src/core/profiles';
import { fixtureTsv, fixtureXlsx } from './fixtures';
import { evaluate } from './formulaEngine';
import { PROVINCE_FORMS, provinceTsv } from './provinces';

/**
 * 改为公式, evaluated by a real formula engine: the formulas PerfCheck writes for a form,
 * put into HyperFormula beside the form's own cells, must give exactly the engine's
 * computed 执行率, 资金得分, 总分 and 等级, under every rule profile. HyperFormula (GPL)
 * stands in for Excel and WPS here, in the tests only.
 */

async function fixtures(): Promise<[string, Grid[]][]> {
  return [
    ['baoshan-2022-self-eval.xlsx', await fixtureXlsx('baoshan-2022-self-eval')],
    ['qingpu-2024-self-eval.xlsx', await fixtureXlsx('qingpu-2024-self-eval')],
    ['baoshan-2022-self-eval.tsv', [fixtureTsv('baoshan-2022-self-eval')]],
    ...PROVINCE_FORMS.map((p): [string, Grid[]] => [p, [provinceTsv(p)]]),
  ];
}

describe('改为公式: plain Excel formulas reproduce the engine in HyperFormula', () => {
  it.each(PROFILES.map((p) => p.id))('under the profile %s, on every fixture form', async (profile) => {
    let compared = 0;
    for (const [name, grids] of await fixtures()) {
      const result = checkWorkbook(grids, { profile });
      const { writes } = workbookFormulas(result, grids);
      expect(writes.every((w) => !/PERF\./.test(w.value))).toBe(true);
      const value = evaluate(grids, writes);
      for (const w of writes) {
        const got = value(w.sheet, w.cell);
        const where = `${name} ${w.sheet}!${w.cell} =${w.value}`;
        if (w.result!.kind === 'text') expect({ where, got }).toEqual({ where, got: w.result!.value });
        else {
          expect({ where, type: typeof got, got }).toEqual({ where, type: 'number', got });
          expect({ where, got: decimalFromNumber(got as number).toFixed() }).toEqual({ where, got: w.result!.value });
        }
        compared++;
      }
      // The values compared are the engine's own: the 执行率, 资金得分, 总分 and 等级 it computed.
      for (const { form, fund, totals } of result.forms) {
        const row = totalFundRow(form);
        const score = writes.find((w) => w.sheet === form.sheet && w.cell === row?.score?.cell);
        if (score) expect(score.result!.value).toBe(fund!.score.computed!.toFixed());
        const total = writes.find((w) => w.sheet === form.sheet && w.cell === form.total?.score?.cell);
        if (total) expect(total.result!.value).toBe(totals!.total.computed!.toFixed());
      }
    }
    // 113 cells: the 宝山 self-evaluation forms (xlsx and TSV), 青浦's five and the provinces' complete ones.
    expect(compared).toBeGreaterThan(100);
  });

  it('青浦 表4 under national and whole-number printing: 82.72% → 8.27, 总分 96.07; 83% → 8', async () => {
    const grids = await fixtureXlsx('qingpu-2024-self-eval');
    for (const [profile, rate, score, total] of [
      ['national', 82.72, 8.27, 96.07],
      ['whole-numbers', 83, 8, 95.8],
    ] as const) {
      const { writes } = workbookFormulas(checkWorkbook(grids, { profile }), grids);
      const value = evaluate(grids, writes);
      expect([value('表4', 'G6'), value('表4', 'H6'), value('表4', 'G20'), value('表4', 'B21')]).toEqual([
        rate,
        score,
        total,
        '优',
      ]);
    }
  });

  it('the formulas keep computing: a changed 全年执行数 gives what the engine gives for the changed form', async () => {
    const grids = await fixtureXlsx('qingpu-2024-self-eval');
    const { writes } = workbookFormulas(checkWorkbook(grids, { profile: 'round-up' }), grids);
    const changed = grids.map((g) => {
      if (g.sheet !== '表4') return g;
      const cells = g.cells.map((r) => (r ? [...r] : []));
      cells[5][4] = { value: 20.01, text: '20.01', format: '0.00' };
      return { ...g, cells };
    });
    const value = evaluate(changed, writes);
    const engine = checkWorkbook(changed, { profile: 'round-up' }).forms.find((f) => f.form.sheet === '表4')!;
    // 20.01 / 41.20 = 48.5679…%: rounded up 48.57, score 4.86; 总分 falls below 90.
    expect(engine.fund!.rate.computed!.toFixed()).toBe('48.57');
    expect(value('表4', 'G6')).toBe(48.57);
    expect(value('表4', 'H6')).toBe(engine.fund!.score.computed!.toNumber());
    expect(value('表4', 'G20')).toBe(engine.totals!.total.computed!.toNumber());
    expect(value('表4', 'B21')).toBe(engine.totals!.grade.computed);
  });

  it('a cell typed with its unit (`10分`) is never referred to: Excel gives #VALUE! for it and SUM skips it', async () => {
    const grids = (await fixtureXlsx('qingpu-2024-self-eval')).map((g) => {
      if (g.sheet !== '表4') return g;
      const cells = g.cells.map((r) => (r ? [...r] : []));
      cells[5][5] = { value: '10分', text: '10分' }; // F6, the fund 分值
      cells[12][6] = { value: `${cells[12][6]!.text}分`, text: `${cells[12][6]!.text}分` }; // G13, an indicator's 得分
      return { ...g, cells };
    });
    const { writes } = workbookFormulas(checkWorkbook(grids), grids);
    const mine = writes.filter((w) => w.sheet === '表4');
    expect(mine.some((w) => /\bF6\b/.test(w.value) || /\bG13\b/.test(w.value))).toBe(false);
    // The 资金得分 takes the 分值 as a number, and gives what the engine gives.
    expect(evaluate(grids, mine)('表4', 'H6')).toBe(8.27);
    // No 总分 formula: a SUM that skips the typed 得分 would be wrong.
    expect(mine.map((w) => w.cell)).not.toContain('G20');
  });

  it('=PERF.* on request', async () => {
    const grids = await fixtureXlsx('qingpu-2024-self-eval');
    const { writes } = workbookFormulas(checkWorkbook(grids), grids, { perf: true });
    expect(writes.filter((w) => w.sheet === '表4').map((w) => `${w.cell} =${w.value}`)).toEqual([
      'G6 =PERF.RATE(D6,E6,"national")*100',
      'G7 =PERF.RATE(D7,E7,"national")*100',
      'H6 =PERF.SCORE(D6,E6,F6,"national")',
      'G20 =PERF.TOTAL(G13:G19,H6)',
      'B21 =PERF.GRADE(G20)',
    ]);
  });
});

describe('改为公式: conditional formatting marks 得分 problems live', () => {
  /** The rule's formula for `offset` rows below the range's first row, as the spreadsheet applies it. */
  const shifted = (formula: string, offset: number) =>
    formula.replace(/\b([A-Z]{1,3})(\d+)\b/g, (_, c: string, r: string) => `${c}${Number(r) + offset}`);

  it('marks exactly the rows the checks report: 得分 below 分值 without 偏差原因, 得分 above 分值', async () => {
    const grids = await fixtureXlsx('qingpu-2024-self-eval');
    // A 得分 of 99 over its 分值 in 表1 row 13.
    const over = grids.map((g) => {
      if (g.sheet !== '表1') return g;
      const cells = g.cells.map((r) => (r ? [...r] : []));
      cells[12][6] = { value: 99, text: '99.00', format: '0.00' };
      return { ...g, cells };
    });
    const result = checkWorkbook(over);
    const { rules } = workbookFormulas(result, over);
    expect(rules.length).toBeGreaterThanOrEqual(10);
    const probes: { sheet: string; cell: string; value: string; mark: string }[] = [];
    for (const rule of rules) {
      const [from, to = from] = rule.range.split(':');
      const first = parseAddress(from).row;
      for (let r = first; r <= parseAddress(to).row; r++) {
        probes.push({
          sheet: rule.sheet,
          cell: `Z${r + 1}`,
          value: shifted(rule.formula, r - first),
          mark: rule.meaning,
        });
      }
    }
    const marked = new Set<string>();
    // One probe at a time: each rule marks its own cells.
    for (const p of probes) {
      if (evaluate(over, [p])(p.sheet, p.cell) === true) marked.add(`${p.sheet}!${p.cell.slice(1)} ${p.mark}`);
    }
    const reported = new Set(
      result.findings.flatMap((f) => {
        const row = parseAddress(f.cell).row + 1;
        if (f.code === 'SCORE_EXCEEDS_WEIGHT') return [`${f.sheet}!${row} 得分超过分值`];
        if (f.code !== 'MISSING_DEVIATION_REASON') return [];
        const form = result.forms.find((x) => x.form.id === f.form)!.form;
        const ind = form.indicators.find((i) => i.reason.cell === f.cell)!;
        const below =
          ind.score?.value.kind === 'number' &&
          ind.weight?.value.kind === 'number' &&
          ind.score.value.value.lt(ind.weight.value.value);
        return below ? [`${f.sheet}!${row} 得分低于分值，但没有填写偏差原因`] : [];
      }),
    );
    expect([...marked].sort()).toEqual([...reported].sort());
    expect(marked).toContain('表1!13 得分超过分值');
  });
});
