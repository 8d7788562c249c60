import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { ReportedFile } from '../../src/cli/checkFile';
import { Finding } from '../../src/core/findings';
import { JsonFile } from '../../src/core/report';
import { CHANGE_NOTE_PREFIX, CHANGES_SHEET } from '../../src/io/cellWrites';
import { inflateEntry, zipEntries } from '../../src/io/zip';
import { BAOSHAN_XLSX, FORMS, loadWorkbook, mutatedCopy, QINGPU_XLSX, run, runJson, sha256, tempDir } from './helpers';
import { differences, noteOf } from '../io/workbookCells';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** The JSON report's file as the command line writes it, with the cells --fix changed. */
const changesOf = (f: JsonFile) => (f as ReportedFile).changes!;
const key = (f: Finding) => `${f.sheet}!${f.cell} ${f.code}`;


/** 青浦 with more slips an accountant makes: a wrong 执行率, 等级 and 总分 on top of 表4's 资金得分. */
async function slippedQingpu(): Promise<string> {
  return mutatedCopy(QINGPU_XLSX, dir, '青浦.xlsx', (wb) => {
    wb.getWorksheet('表2')!.getCell('G6').value = 90;
    wb.getWorksheet('表1')!.getCell('B22').value = '良';
    wb.getWorksheet('表5')!.getCell('G23').value = 95;
  });
}

describe('perfcheck --fix --out-dir', () => {
  test('needs --out-dir: nothing is ever fixed in place', async () => {
    const { code, stderr } = await run([QINGPU_XLSX, '--fix']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--fix 需要同时指定 --out-dir/);
  });

  test('writes a corrected copy, prints each change, and leaves the input as it was', async () => {
    const input = await slippedQingpu();
    const before = sha256(input);
    const out = path.join(dir, 'out');
    const { stdout } = await run([input, '--fix', '--out-dir', out]);
    expect(sha256(input)).toBe(before);
    expect(readdirSync(out)).toEqual(['青浦.已改正.xlsx']);
    const lines = stdout.split('\n');
    for (const change of [
      '表1!B22  良 → 优（评分等级与总分不符）',
      '表2!G6  90.00 → 95.37（执行率与重新计算的结果不符）',
      '表4!H6  8.72 → 8.27（资金得分与重新计算的结果不符）',
      '表4!G20  96.52 → 96.07（总分沿用了错误的资金得分）',
      '表5!G23  95.00 → 96.00（总分不等于各项得分之和）',
    ]) {
      expect(lines).toContain(`  ${change}`);
    }
    expect(stdout).toContain(`已写出改好的副本：${path.join(out, '青浦.已改正.xlsx')}（${input}，改动 5 个单元格）`);
  });

  test('on re-check of the copy every fixable finding is gone, every other finding stays, and nothing else changed', async () => {
    for (const input of [await slippedQingpu(), QINGPU_XLSX, BAOSHAN_XLSX]) {
      const out = path.join(dir, `out-${path.basename(input)}`);
      const original = (await runJson([input])).report.files[0].findings;
      const fixed = await runJson([input, '--fix', '--out-dir', out]);
      const copy = path.join(out, readdirSync(out)[0]);
      const recheck = (await runJson([copy])).report.files[0].findings;
      const changed = changesOf(fixed.report.files[0]).map((c) => `${c.sheet}!${c.cell}`);
      expect(recheck.filter((f) => f.fix)).toEqual([]);
      // The report of --fix is the corrected copy's check.
      expect(fixed.report.files[0].findings.map(key)).toEqual(recheck.map(key));
      expect(recheck.map(key).sort()).toEqual(original.filter((f) => !f.fix).map(key).sort());

      const [a, b] = [await loadWorkbook(input), await loadWorkbook(copy)];
      expect(differences(a, b).sort()).toEqual([...changed].sort());
      expect(b.worksheets.map((w) => w.name)).toEqual([...a.worksheets.map((w) => w.name), ...(changed.length ? [CHANGES_SHEET] : [])]);
      for (const c of changesOf(fixed.report.files[0])) {
        expect(noteOf(b.getWorksheet(c.sheet)!.getCell(c.cell).note)).toBe(`${CHANGE_NOTE_PREFIX}原值 ${c.before} → 新值 ${c.after}（${c.reason}）`);
      }
    }
  });

  test('the 改正记录 sheet lists each change; the JSON report carries the fixes and the changes', async () => {
    const out = path.join(dir, 'out');
    const { report } = await runJson([QINGPU_XLSX, '--fix', '--out-dir', out]);
    expect(changesOf(report.files[0])).toEqual([
      { sheet: '表4', cell: 'H6', before: '8.72', after: '8.27', reason: '资金得分与重新计算的结果不符' },
      { sheet: '表4', cell: 'G20', before: '96.52', after: '96.07', reason: '总分沿用了错误的资金得分' },
    ]);
    const ws = (await loadWorkbook(path.join(out, 'qingpu-2024-self-eval.已改正.xlsx'))).getWorksheet(CHANGES_SHEET)!;
    expect(ws.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))).toEqual([
      ['序号', '工作表', '单元格', '原值', '新值', '原因'],
      [1, '表4', 'H6', '8.72', '8.27', '资金得分与重新计算的结果不符'],
      [2, '表4', 'G20', '96.52', '96.07', '总分沿用了错误的资金得分'],
    ]);
    const plain = (await runJson([QINGPU_XLSX])).report.files[0].findings;
    expect(plain.find((f) => f.code === 'FUND_SCORE_MISMATCH')!.fix).toEqual({ cell: 'H6', value: '8.27', as: 'number' });
  });
});

describe('perfcheck --formulas --out-dir', () => {
  const sheetXml = (file: string, n: number) => {
    const bytes = readFileSync(file);
    const entry = zipEntries(bytes).find((e) => e.name === `xl/worksheets/sheet${n}.xml`)!;
    return inflateEntry(bytes, entry, 50 * 1024 * 1024).toString('utf8');
  };

  test('writes plain Excel formulas with their results and the conditional formatting, saved in the file', async () => {
    const out = path.join(dir, 'out');
    const { stdout } = await run([QINGPU_XLSX, '--formulas', '--out-dir', out]);
    expect(stdout).toContain('表4!G20  96.52 → =IF(COUNT(G13:G19)=0,"",SUM(G13:G19,H6))（改为公式，随表中数字自动计算）');
    const copy = path.join(out, 'qingpu-2024-self-eval.公式.xlsx');
    const wb = await loadWorkbook(copy);
    const ws = wb.getWorksheet('表4')!;
    expect(ws.getCell('H6').value).toEqual({
      formula: 'IF(D6=0,"",IF(E6/D6*100>=100,F6,MIN(ROUND(ROUND(E6/D6*F6,10),2),F6)))',
      result: 8.27,
    });
    expect(ws.getCell('B21').value).toEqual({ formula: 'IF(ISNUMBER(G20),IF(G20>=90,"优",IF(G20>=80,"良",IF(G20>=60,"中","差"))),"")', result: '优' });
    // The rules as Excel reads them: in the sheet's XML, with their formulas.
    const xml = sheetXml(copy, 4);
    expect(xml).toMatch(/<conditionalFormatting sqref="G13:G19">/);
    expect(xml).toContain('<formula>AND(ISNUMBER(G13),ISNUMBER(F13),G13&lt;F13,LEN(TRIM(H13))=0)</formula>');
    expect(xml).toContain('<formula>AND(ISNUMBER(G13),ISNUMBER(F13),G13&gt;F13)</formula>');
    // Re-checked, the copy reads the formulas' results: the same findings as the corrected form.
    const recheck = (await runJson([copy])).report.files[0].findings;
    const fixedCheck = (await runJson([QINGPU_XLSX, '--fix', '--out-dir', path.join(dir, 'fixed')])).report.files[0].findings;
    expect(recheck.map(key)).toEqual(fixedCheck.map(key));
  });

  test('--formulas=perf writes PERF.* and a wrong value is refused', async () => {
    const out = path.join(dir, 'out');
    await run([path.join(FORMS, 'qingpu-2024-self-eval.xlsx'), '--formulas=perf', '--out-dir', out]);
    const ws = (await loadWorkbook(path.join(out, 'qingpu-2024-self-eval.公式.xlsx'))).getWorksheet('表4')!;
    expect((ws.getCell('H6').value as { formula: string }).formula).toBe('PERF.SCORE(D6,E6,F6,"national")');
    const bad = await run([QINGPU_XLSX, '--formulas=lotus', '--out-dir', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--formulas 的取值应为 excel（默认）或 perf/);
  });
});
