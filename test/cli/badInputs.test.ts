import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { Finding } from '../../src/core/findings';
import { mutatedCopy, QINGPU_TSV, QINGPU_XLSX, runJson, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const brief = (fs: Finding[]) => fs.map((f) => `${f.sheet}!${f.cell} ${f.code}`);

/** The qingpu workbook with one cell of one sheet changed. */
async function qingpuWith(sheet: string, cell: string, value: ExcelJS.CellValue): Promise<string> {
  return mutatedCopy(QINGPU_XLSX, dir, `${sheet}-${cell}.xlsx`, (wb) => {
    wb.getWorksheet(sheet)!.getCell(cell).value = value;
  });
}

/** The other forms of the workbook are still checked: 表3's known finding is there. */
function otherFormsChecked(findings: Finding[]) {
  expect(brief(findings)).toContain('表3!H15 MISSING_DEVIATION_REASON');
}

describe('bad input gives a finding or a Chinese message, never a crash', () => {
  test('全年预算数 0 or blank: FUND_BUDGET_ZERO at the budget cell', async () => {
    for (const value of [0, null]) {
      const { code, report } = await runJson([await qingpuWith('表4', 'D6', value)]);
      expect(code).toBe(1);
      const zero = report.files[0].findings.filter((f) => f.code === 'FUND_BUDGET_ZERO');
      expect(zero).toEqual([expect.objectContaining({ sheet: '表4', cell: 'D6', severity: 'error' })]);
      expect(zero[0].message).toMatch(/全年预算数为( 0|空白)，无法计算执行率/);
      otherFormsChecked(report.files[0].findings);
    }
  });

  test('text in a number cell: UNPARSABLE_VALUE naming the text', async () => {
    const { report } = await runJson([await qingpuWith('表4', 'H6', '八点七二')]);
    const [f] = report.files[0].findings.filter((x) => x.code === 'UNPARSABLE_VALUE');
    expect(f).toMatchObject({ sheet: '表4', cell: 'H6', actual: '八点七二' });
    expect(f.message).toContain('“八点七二”不是数字');
    otherFormsChecked(report.files[0].findings);
  });

  test('Excel error values #DIV/0! and #N/A: UNPARSABLE_VALUE naming the error', async () => {
    const div0 = (await runJson([await qingpuWith('表4', 'G6', { error: '#DIV/0!' })])).report.files[0].findings;
    expect(div0.find((f) => f.cell === 'G6')).toMatchObject({ code: 'UNPARSABLE_VALUE', actual: '#DIV/0!' });
    expect(div0.find((f) => f.cell === 'G6')!.message).toContain('错误值 #DIV/0!');
    // With the printed rate unusable the score is still recomputed from the amounts.
    expect(brief(div0)).toContain('表4!H6 FUND_SCORE_MISMATCH');
    otherFormsChecked(div0);
    const na = (await runJson([await qingpuWith('表1', 'G13', { error: '#N/A' })])).report.files[0].findings;
    expect(na.find((f) => f.cell === 'G13')).toMatchObject({ sheet: '表1', code: 'UNPARSABLE_VALUE', actual: '#N/A' });
    otherFormsChecked(na);
  });

  test('a negative amount: NEGATIVE_AMOUNT', async () => {
    const { report } = await runJson([await qingpuWith('表4', 'E6', -34.08)]);
    expect(report.files[0].findings.find((f) => f.code === 'NEGATIVE_AMOUNT')).toMatchObject({ sheet: '表4', cell: 'E6', actual: '-34.08' });
    otherFormsChecked(report.files[0].findings);
  });

  test('a form cut off halfway: FORM_INCOMPLETE, and the forms before it are still checked', async () => {
    // The 青浦 text stacks five forms; keep it up to the third indicator row of the fourth.
    const lines = readFileSync(QINGPU_TSV, 'utf8').split('\n');
    expect(lines[95]).toMatch(/^\t时效指标\t经费下拨及时率/);
    const cut = path.join(dir, 'cut.tsv');
    writeFileSync(cut, lines.slice(0, 96).join('\n'));
    const { code, report } = await runJson([cut]);
    expect(code).toBe(1);
    const file = report.files[0];
    expect(file.forms).toHaveLength(4);
    expect(file.findings.find((f) => f.code === 'FORM_INCOMPLETE')).toMatchObject({ cell: 'A96' });
    expect(file.findings.find((f) => f.code === 'FORM_INCOMPLETE')!.message).toContain('没有找到“总分”行');
    expect(brief(file.findings)).toEqual(expect.arrayContaining(['cut!H68 MISSING_DEVIATION_REASON', 'cut!H87 FUND_SCORE_MISMATCH']));
  });

  test('a sheet with no form next to sheets with forms: ignored, the forms are checked', async () => {
    const file = await mutatedCopy(QINGPU_XLSX, dir, 'extra.xlsx', (wb) => {
      const ws = wb.addWorksheet('填表说明');
      ws.getCell('A1').value = '请按财政局要求填写';
      ws.getCell('B3').value = 12;
    });
    const { report } = await runJson([file]);
    expect(report.files[0].forms).toHaveLength(5);
    expect(report.files[0].findings.filter((f) => f.sheet === '填表说明')).toEqual([]);
  });

  test('a workbook with no form, only empty sheets, or no sheet: NO_FORM_FOUND warning, exit 0', async () => {
    const text = await mutatedCopy(QINGPU_XLSX, dir, 'text.xlsx', (wb) => {
      for (const ws of [...wb.worksheets]) wb.removeWorksheet(ws.id);
      wb.addWorksheet('名单').getCell('A1').value = '张三';
    });
    const empty = await mutatedCopy(QINGPU_XLSX, dir, 'empty.xlsx', (wb) => {
      for (const ws of [...wb.worksheets]) wb.removeWorksheet(ws.id);
      wb.addWorksheet('Sheet1');
      wb.addWorksheet('Sheet2');
    });
    const none = await mutatedCopy(QINGPU_XLSX, dir, 'none.xlsx', (wb) => {
      for (const ws of [...wb.worksheets]) wb.removeWorksheet(ws.id);
    });
    const { code, report } = await runJson([text, empty, none]);
    expect(code).toBe(0);
    const [a, b, c] = report.files;
    expect(a.findings).toEqual([expect.objectContaining({ sheet: '名单', cell: 'A1', code: 'NO_FORM_FOUND', severity: 'warning' })]);
    expect(b.findings.map((f) => f.code)).toEqual(['NO_FORM_FOUND']);
    expect(c.findings).toEqual([expect.objectContaining({ code: 'NO_FORM_FOUND', message: '工作簿中没有工作表' })]);
  });

  test('corrupt files exit 2 with a Chinese reason, and the other files are still checked', async () => {
    const text = path.join(dir, '其实是文本.xlsx');
    writeFileSync(text, '项目名称\t测试\n');
    const truncated = path.join(dir, '截断.xlsx');
    const whole = readFileSync(QINGPU_XLSX);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const xls = path.join(dir, '旧版.xlsx');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const zero = path.join(dir, '空文件.xlsx');
    writeFileSync(zero, '');
    const unsupported = path.join(dir, '表.xls');
    writeFileSync(unsupported, 'x');

    const { code, stderr, report } = await runJson([text, truncated, QINGPU_XLSX, xls, zero, unsupported]);
    expect(code).toBe(2);
    const [t, tr, good, old, empty, unsup] = report.files;
    expect(t).toEqual({ path: text, error: expect.stringContaining('不是有效的 .xlsx 工作簿'), forms: [], findings: [] });
    expect(tr.error).toContain('工作簿已损坏或不完整');
    expect(tr.forms).toEqual([]);
    // An OLE file named .xlsx is read as the .xls it may be; this one is only a header.
    expect(old.error).toContain('工作簿已损坏、设置了打开密码或不是 Excel/WPS 表格');
    expect(empty.error).toContain('文件是空的');
    expect(unsup.error).toContain('不是有效的 Excel 或 WPS 工作簿');
    expect(good.forms).toHaveLength(5);
    expect(brief(good.findings)).toContain('表4!H6 FUND_SCORE_MISMATCH');
    expect(report.summary.files).toBe(6);
    for (const f of [text, truncated, xls, zero, unsupported]) expect(stderr).toContain(`无法检查 ${f}：`);
  });

  test('a 50,000-row sheet: the form above the data is found and checked', async () => {
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(QINGPU_XLSX);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('汇总');
    src.getWorksheet('表4')!.eachRow((row, r) =>
      row.eachCell((c, col) => {
        const cell = ws.getCell(r, col);
        cell.value = c.value;
        cell.numFmt = c.numFmt;
      }),
    );
    for (let r = 30; r < 50030; r++) ws.getRow(r).values = [`明细${r}`, '办公用品', r * 1.5, '张', r % 7];
    const big = path.join(dir, 'big.xlsx');
    await wb.xlsx.writeFile(big);
    const started = Date.now();
    const { code, report } = await runJson([big]);
    const ms = Date.now() - started;
    expect(code).toBe(1);
    expect(report.files[0].forms).toHaveLength(1);
    expect(brief(report.files[0].findings)).toEqual(['汇总!H6 FUND_SCORE_MISMATCH', '汇总!G20 TOTAL_RECOMPUTED_MISMATCH']);
    // Reading and checking take about 2 s here; 20 s means something went quadratic.
    expect(ms).toBeLessThan(20000);
  }, 120000);
});
