import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { internalLink, NOTE_PREFIX, REPORT_HEADER, REPORT_SHEET } from '../../src/core/annotations';
import { BAOSHAN_TSV, loadWorkbook, mutatedCopy, QINGPU_XLSX, run, runJson, sha256, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const ERROR_FILL = 'FFFFC7CE';
const WARNING_FILL = 'FFFFEB9C';

const fillOf = (cell: { fill?: unknown }) => (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
const noteOf = (note: unknown): string =>
  note === undefined ? '' : typeof note === 'string' ? note : (note as { texts: { text: string }[] }).texts.map((t) => t.text).join('');

describe('--out-dir writes an annotated copy per input', () => {
  test('xlsx and TSV inputs: fills, notes, 检查结果 sheet with links; inputs untouched; folder created', async () => {
    const inputs = path.join(dir, 'in');
    mkdirSync(inputs);
    const qingpu = path.join(inputs, 'qingpu.xlsx');
    copyFileSync(QINGPU_XLSX, qingpu);
    const baoshan = path.join(inputs, 'baoshan.tsv');
    copyFileSync(BAOSHAN_TSV, baoshan);
    const before = [sha256(qingpu), sha256(baoshan)];
    const out = path.join(dir, 'out', 'nested');

    const { code, stdout, report } = { ...(await run([inputs, '--out-dir', out])), report: (await runJson([inputs])).report };
    expect(code).toBe(1);
    expect([sha256(qingpu), sha256(baoshan)]).toEqual(before);
    expect(readdirSync(out).sort()).toEqual(['baoshan.检查结果.xlsx', 'qingpu.检查结果.xlsx']);
    expect(stdout).toContain(`带标注的副本：${path.join(out, 'qingpu.检查结果.xlsx')}`);

    const wb = await loadWorkbook(path.join(out, 'qingpu.检查结果.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表1', '表2', '表3', '表4', '表5', REPORT_SHEET]);
    const h6 = wb.getWorksheet('表4')!.getCell('H6');
    expect(h6.value).toBe(8.72); // the user's value stays; only fill and note are added
    expect(fillOf(h6)).toBe(ERROR_FILL);
    expect(noteOf(h6.note)).toBe(`${NOTE_PREFIX}\n【错误】资金得分应为 8.27（执行率 82.72% × 分值 10），表中为 8.72`);
    const g20 = wb.getWorksheet('表1')!.getCell('G20');
    expect(fillOf(g20)).toBe(WARNING_FILL);
    expect(noteOf(g20.note)).toContain('【警告】');
    // Exactly the finding cells are coloured, although loaded cells share styles.
    const coloured: string[] = [];
    for (const ws of wb.worksheets.filter((w) => w.name !== REPORT_SHEET)) {
      ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => void (fillOf(c) && coloured.push(`${ws.name}!${c.address}`))));
    }
    const qingpuReport = report.files.find((f) => f.path === qingpu)!;
    const findingCells = [...new Set(qingpuReport.findings.map((f) => `${f.sheet}!${f.cell}`))];
    expect(coloured.sort()).toEqual(findingCells.sort());
    const untouched = wb.getWorksheet('表4')!.getCell('G6');
    expect(fillOf(untouched)).toBeUndefined();
    expect(untouched.note).toBeUndefined();

    const sheet = wb.getWorksheet(REPORT_SHEET)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...REPORT_HEADER]);
    // The code column is kept for tools but hidden from the reader; every other column shows.
    expect(REPORT_HEADER.filter((_, i) => sheet.getColumn(i + 1).hidden)).toEqual(['代码']);
    const findings = qingpuReport.findings;
    expect(sheet.rowCount).toBe(findings.length + 1);
    const rows = [...Array(findings.length).keys()].map((i) => sheet.getRow(i + 2));
    const h6Row = rows.find((r) => r.getCell(6).text === 'H6')!;
    expect([1, 2, 3, 5, 7, 9, 10].map((c) => h6Row.getCell(c).text)).toEqual([
      String(findings.findIndex((f) => f.cell === 'H6') + 1),
      '错误',
      'FUND_SCORE_MISMATCH',
      '表4',
      '青浦区劳模创新工作室创建',
      '8.27',
      '8.72',
    ]);
    expect(h6Row.getCell(6).value).toEqual({ formula: `HYPERLINK("#${internalLink('表4', 'H6')}","H6")`, result: 'H6' });
    for (const [i, f] of findings.entries()) {
      expect((rows[i].getCell(6).value as { formula: string }).formula).toBe(`HYPERLINK("#'${f.sheet}'!${f.cell}","${f.cell}")`);
    }

    // The TSV's copy is a new workbook holding the grid, findings on the same cells.
    const tsvCopy = await loadWorkbook(path.join(out, 'baoshan.检查结果.xlsx'));
    expect(tsvCopy.worksheets.map((w) => w.name)).toEqual(['baoshan', REPORT_SHEET]);
    const grid = tsvCopy.getWorksheet('baoshan')!;
    // Line 3 of the TSV: the title, in A3 as in the text file.
    expect(grid.getCell('A3').value).toBe('财政项目支出绩效自评表');
    expect(fillOf(grid.getCell('E472'))).toBe(ERROR_FILL);
    expect(noteOf(grid.getCell('E472').note)).toContain('退休人员满意度');
    expect(fillOf(grid.getCell('H386'))).toBe(WARNING_FILL);
  }, 60000);

  test("the user's own notes are kept first; a stale PerfCheck note is replaced, not stacked", async () => {
    const input = await mutatedCopy(QINGPU_XLSX, dir, 'noted.xlsx', (wb) => {
      wb.getWorksheet('表4')!.getCell('H6').note = '请财务复核';
      wb.getWorksheet('表3')!.getCell('H15').note = `${NOTE_PREFIX}\n【错误】上次检查的旧批注`;
    });
    const out = path.join(dir, 'out');
    await run([input, '--out-dir', out]);
    const wb = await loadWorkbook(path.join(out, 'noted.检查结果.xlsx'));
    expect(noteOf(wb.getWorksheet('表4')!.getCell('H6').note)).toMatch(new RegExp(`^请财务复核\\n\\n${NOTE_PREFIX}\\n【错误】资金得分应为 8.27`));
    const h15 = noteOf(wb.getWorksheet('表3')!.getCell('H15').note);
    expect(h15).not.toContain('旧批注');
    expect(h15.split(NOTE_PREFIX)).toHaveLength(2);
  });

  test("a user's own sheet named 检查结果 is kept and ours takes another name", async () => {
    const input = await mutatedCopy(QINGPU_XLSX, dir, 'own.xlsx', (wb) => {
      wb.addWorksheet(REPORT_SHEET).getCell('A1').value = '我的笔记';
    });
    const out = path.join(dir, 'out');
    await run([input, '--out-dir', out]);
    const wb = await loadWorkbook(path.join(out, 'own.检查结果.xlsx'));
    expect(wb.getWorksheet(REPORT_SHEET)!.getCell('A1').value).toBe('我的笔记');
    expect(wb.getWorksheet(`${REPORT_SHEET}2`)!.getCell('A1').value).toBe('序号');
    // Checking the copy again replaces our report sheet instead of adding a third one.
    const again = path.join(dir, 'again');
    await run([path.join(out, 'own.检查结果.xlsx'), '--out-dir', again]);
    const twice = await loadWorkbook(path.join(again, 'own.检查结果.检查结果.xlsx'));
    expect(twice.worksheets.map((w) => w.name).filter((n) => n.startsWith(REPORT_SHEET))).toEqual([REPORT_SHEET, `${REPORT_SHEET}2`]);
  });

  test('a second run replaces the copy by rename and leaves no temporary file', async () => {
    const out = path.join(dir, 'out');
    await run([QINGPU_XLSX, '--out-dir', out]);
    writeFileSync(path.join(out, 'unrelated.txt'), 'keep me');
    await run([QINGPU_XLSX, '--out-dir', out]);
    expect(readdirSync(out).sort()).toEqual(['qingpu-2024-self-eval.检查结果.xlsx', 'unrelated.txt']);
  });

  test('two inputs with the same name get distinct copies', async () => {
    mkdirSync(path.join(dir, 'a'));
    mkdirSync(path.join(dir, 'b'));
    copyFileSync(QINGPU_XLSX, path.join(dir, 'a', '自评表.xlsx'));
    copyFileSync(BAOSHAN_TSV, path.join(dir, 'b', '自评表.tsv'));
    const out = path.join(dir, 'out');
    await run([path.join(dir, 'a'), path.join(dir, 'b'), '--out-dir', out]);
    expect(readdirSync(out).sort()).toEqual(['自评表 (2).检查结果.xlsx', '自评表.检查结果.xlsx']);
  });

  test('never writes over an input: a copy that would land on an input is refused, exit 2', async () => {
    const out = path.join(dir, 'out');
    mkdirSync(out);
    const input = path.join(dir, 'qingpu.xlsx');
    copyFileSync(QINGPU_XLSX, input);
    // The target name of qingpu.xlsx's copy is itself an input (a hard link to one).
    const other = path.join(dir, 'baoshan.xlsx');
    copyFileSync(QINGPU_XLSX, other);
    linkSync(other, path.join(out, 'qingpu.检查结果.xlsx'));
    const before = sha256(other);
    const { code, stderr } = await run([input, path.join(out, 'qingpu.检查结果.xlsx'), '--out-dir', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('不会覆盖被检查的文件');
    expect(sha256(other)).toBe(before);
  });

  test('an out-dir that is a file, an unreadable input: Chinese message, nothing written for it', async () => {
    const file = path.join(dir, 'file');
    writeFileSync(file, 'x');
    const r = await run([QINGPU_XLSX, '--out-dir', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('已经是一个文件');
    const bad = path.join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a workbook');
    const out = path.join(dir, 'out');
    const r2 = await run([bad, QINGPU_XLSX, '--out-dir', out]);
    expect(r2.code).toBe(2);
    expect(readdirSync(out)).toEqual(['qingpu-2024-self-eval.检查结果.xlsx']);
  });

  test('a failed write leaves what was there and no temporary file', async () => {
    const out = path.join(dir, 'out');
    // A folder in the way of the copy's name: the final rename fails.
    const blocker = path.join(out, 'qingpu-2024-self-eval.检查结果.xlsx');
    mkdirSync(blocker, { recursive: true });
    writeFileSync(path.join(blocker, 'inside.txt'), 'kept');
    const { code, stderr } = await run([QINGPU_XLSX, '--out-dir', out]);
    expect(code).toBe(2);
    expect(stderr).toContain(`无法写出 ${blocker}`);
    expect(readdirSync(out)).toEqual(['qingpu-2024-self-eval.检查结果.xlsx']);
    expect(readdirSync(blocker)).toEqual(['inside.txt']);
    expect(existsSync(path.join(blocker, 'inside.txt'))).toBe(true);
  });

  test('a workbook without sheets: the copy holds the 检查结果 sheet alone, without a link', async () => {
    const none = await mutatedCopy(QINGPU_XLSX, dir, 'none.xlsx', (wb) => {
      for (const ws of [...wb.worksheets]) wb.removeWorksheet(ws.id);
    });
    const out = path.join(dir, 'out');
    expect((await run([none, '--out-dir', out])).code).toBe(0);
    const wb = await loadWorkbook(path.join(out, 'none.检查结果.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([REPORT_SHEET]);
    const row = wb.getWorksheet(REPORT_SHEET)!.getRow(2);
    expect(row.getCell(3).value).toBe('NO_FORM_FOUND');
    expect(row.getCell(6).value).toBe('A1');
  });
});
