import { NOTE_PREFIX, REPORT_SHEET, reportRows, SEVERITY_FILL } from '../../../src/core/annotations';
import { checkWorkbook, WorkbookResult } from '../../../src/core/engine';
import { Finding } from '../../../src/core/findings';
import { createExcelHost } from '../../../src/hosts/excel';
import { HostError } from '../../../src/hosts/host';
import { FakeExcel, NO_FILL, solidFill } from './fakeOffice';
import { qingpuGrids, stackedSheet } from './fixtures';

/** The 青浦 workbook in the fake Excel, checked as the pane would check it. */
async function qingpu(): Promise<{ fake: FakeExcel; result: WorkbookResult }> {
  const grids = await qingpuGrids();
  return { fake: FakeExcel.fromGrids(grids), result: checkWorkbook(grids) };
}

function find(result: WorkbookResult, code: string, sheet: string): Finding {
  const f = result.findings.find((x) => x.code === code && x.sheet === sheet);
  if (!f) throw new Error(`${code} on ${sheet} not found`);
  return f;
}

describe('Excel host: marking findings', () => {
  test('fills each finding cell by severity and adds a note, in 3 syncs (read, record originals, mark)', async () => {
    const { fake, result } = await qingpu();
    const host = createExcelHost(fake.api());
    const out = await host.annotate(result.findings);
    expect(fake.syncs).toBe(3);
    expect(out).toEqual({ cells: result.findings.length, notes: true });

    // 表4!H6: 8.72 printed, 8.27 expected — an error, so the error fill.
    const h6 = fake.cell('表4', 'H6');
    expect(h6.fill).toMatchObject({ color: SEVERITY_FILL.error, pattern: 'Solid' });
    expect(h6.note).toContain(NOTE_PREFIX);
    expect(h6.note).toContain('8.27');
    // 表1!G20: a SCORE_OUT_OF_BAND warning.
    expect(fake.cell('表1', 'G20').fill?.color).toBe(SEVERITY_FILL.warning);
    // Cells without findings are untouched.
    expect(fake.cell('表4', 'G6').fill).toBeUndefined();
    // The originals are kept in a very hidden sheet.
    expect(fake.sheet('__perfcheck').visibility).toBe('VeryHidden');
  });

  test('3 syncs for 100 forms too: each well under 4 MB', async () => {
    const grids = await qingpuGrids();
    const big = stackedSheet(grids, 100);
    const fake = FakeExcel.fromGrids([big]);
    const result = checkWorkbook([big]);
    expect(result.findings.length).toBeGreaterThan(100);
    await createExcelHost(fake.api()).annotate(result.findings);
    expect(fake.syncs).toBe(3);
    expect(Math.max(...fake.payloads.map((p) => Math.max(p.request, p.response)))).toBeLessThan(4 * 1024 * 1024);
  });

  test('清除标注 restores no fill, white, patterns and the user\'s own notes exactly', async () => {
    const { fake, result } = await qingpu();
    const h6 = find(result, 'FUND_SCORE_MISMATCH', '表4');
    const g20 = find(result, 'TOTAL_RECOMPUTED_MISMATCH', '表4');
    const h15 = find(result, 'MISSING_DEVIATION_REASON', '表3');
    // H6 has no fill; G20 is filled white (not the same thing); 表3!H15 has a pattern and a user note.
    fake.cell('表4', g20.cell).fill = solidFill('#FFFFFF');
    const patterned = { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000', tintAndShade: 0.4, patternTintAndShade: -0.25 };
    fake.cell('表3', h15.cell).fill = patterned;
    fake.cell('表3', h15.cell).note = '张会计：原因待补';
    const before = fake.save();

    const host = createExcelHost(fake.api());
    await host.annotate(result.findings);
    expect(fake.cell('表4', g20.cell).fill?.color).toBe(SEVERITY_FILL.error);
    // While marked, the user's note is still readable under PerfCheck's.
    expect(fake.cell('表3', h15.cell).note).toMatch(new RegExp(`^${NOTE_PREFIX}[\\s\\S]*原批注：\\n张会计：原因待补$`));

    fake.syncs = 0;
    expect(await host.clearAnnotations()).toBe(result.findings.length);
    expect(fake.syncs).toBe(3);
    expect(fake.cell('表4', h6.cell).fill ?? NO_FILL).toEqual(NO_FILL);
    expect(fake.cell('表4', g20.cell).fill).toEqual(solidFill('#FFFFFF'));
    expect(fake.cell('表3', h15.cell).fill).toEqual(patterned);
    expect(fake.cell('表3', h15.cell).note).toBe('张会计：原因待补');
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['表1', '表2', '表3', '表4', '表5']);
    expect(JSON.parse(fake.save())).toEqual(JSON.parse(before));
  });

  test('checking again does not stack marks or lose the first originals', async () => {
    const { fake, result } = await qingpu();
    fake.cell('表4', 'H6').fill = solidFill('#00B050');
    const before = fake.save();
    const host = createExcelHost(fake.api());
    await host.annotate(result.findings);
    await host.annotate(result.findings);
    expect(fake.cell('表4', 'H6').note!.match(new RegExp(NOTE_PREFIX, 'g'))).toHaveLength(1);
    expect(fake.cell('表4', 'H6').note).not.toContain('原批注');
    await host.clearAnnotations();
    expect(JSON.parse(fake.save())).toEqual(JSON.parse(before));
  });

  test('a cell no longer found on re-check is put back; the others stay marked', async () => {
    const { fake, result } = await qingpu();
    const before = fake.save();
    const host = createExcelHost(fake.api());
    await host.annotate(result.findings);
    // The user corrects 表4: only the other sheets' findings remain.
    const rest = result.findings.filter((f) => f.sheet !== '表4');
    fake.syncs = 0;
    await host.annotate(rest);
    expect(fake.syncs).toBe(3);
    expect(fake.cell('表4', 'H6').fill).toBeUndefined();
    expect(fake.cell('表4', 'H6').note ?? null).toBeNull();
    expect(fake.cell('表3', 'H15').fill?.color).toBe(SEVERITY_FILL.error);
    await host.clearAnnotations();
    expect(JSON.parse(fake.save())).toEqual(JSON.parse(before));
  });

  test('the snapshot survives saving and reopening the workbook', async () => {
    const { fake, result } = await qingpu();
    fake.cell('表3', 'H15').note = '用户批注';
    fake.cell('表3', 'H15').fill = solidFill('#FFFFFF');
    const original = fake.save();
    await createExcelHost(fake.api()).annotate(result.findings);

    const reopened = FakeExcel.open(fake.save());
    expect(reopened.cell('表3', 'H15').fill?.color).toBe(SEVERITY_FILL.error);
    expect(await createExcelHost(reopened.api()).clearAnnotations()).toBe(result.findings.length);
    expect(JSON.parse(reopened.save())).toEqual(JSON.parse(original));
  });

  test('a protected sheet: a Chinese error and nothing changed anywhere', async () => {
    const { fake, result } = await qingpu();
    fake.sheet('表3').protected = true;
    const before = fake.save();
    const err = await createExcelHost(fake.api()).annotate(result.findings).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ reason: 'protected' });
    expect((err as HostError).message).toContain('表3');
    expect((err as HostError).message).toContain('撤消工作表保护');
    expect(fake.save()).toBe(before);
  });

  test('a protected sheet also blocks 清除标注 before anything is restored', async () => {
    const { fake, result } = await qingpu();
    const host = createExcelHost(fake.api());
    await host.annotate(result.findings);
    fake.sheet('表4').protected = true;
    const marked = fake.save();
    await expect(host.clearAnnotations()).rejects.toMatchObject({ reason: 'protected' });
    expect(fake.save()).toBe(marked);
  });

  test('a lost connection: a Chinese error and the workbook unchanged', async () => {
    const { fake, result } = await qingpu();
    const before = fake.save();
    fake.connectionLost = true;
    const host = createExcelHost(fake.api());
    const err = await host.annotate(result.findings).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'connection' });
    expect((err as HostError).message).toMatch(/连接中断.*工作簿未被修改/);
    await expect(host.readSheets(['表1'])).rejects.toMatchObject({ reason: 'connection' });
    await expect(host.select('表4', 'H6')).rejects.toMatchObject({ reason: 'connection' });
    expect(fake.save()).toBe(before);
  });

  test('a sheet with no form: nothing is marked', async () => {
    const fake = new FakeExcel();
    fake.addSheet('说明');
    fake.cell('说明', 'A1').value = '本工作簿仅含说明文字';
    const before = fake.save();
    const host = createExcelHost(fake.api());
    const result = checkWorkbook(await host.readSheets(['说明']));
    expect(result.forms).toHaveLength(0);
    expect(result.findings.map((f) => f.code)).toEqual(['NO_FORM_FOUND']);
    expect(await host.annotate(result.findings)).toEqual({ cells: 0, notes: true });
    expect(fake.save()).toBe(before);
  });

  test('selecting a cell on another sheet activates that sheet', async () => {
    const { fake } = await qingpu();
    fake.state.active = '表1';
    const host = createExcelHost(fake.api());
    await host.select('表4', 'H6');
    expect(fake.state.active).toBe('表4');
    expect(fake.state.selection).toEqual({ sheet: '表4', address: 'H6' });
    expect(fake.syncs).toBe(1);
  });

  test('without the notes API, threaded comments carry the message and a user\'s thread is left alone', async () => {
    const { fake, result } = await qingpu();
    fake.excelApi = '1.10';
    fake.cell('表3', 'H15').comment = { content: '请补充偏差原因', author: '审核人' };
    const before = fake.save();
    const host = createExcelHost(fake.api());
    expect(await host.annotate(result.findings)).toMatchObject({ notes: true });
    expect(fake.cell('表4', 'H6').comment?.content).toContain(NOTE_PREFIX);
    expect(fake.cell('表3', 'H15').comment).toEqual({ content: '请补充偏差原因', author: '审核人' });
    expect(fake.cell('表3', 'H15').fill?.color).toBe(SEVERITY_FILL.error);
    await host.clearAnnotations();
    expect(JSON.parse(fake.save())).toEqual(JSON.parse(before));
  });

  test('with neither notes nor comments, only fills, and the host says notes are unavailable', async () => {
    const { fake, result } = await qingpu();
    fake.excelApi = '1.9';
    const before = fake.save();
    const host = createExcelHost(fake.api());
    expect(host.notesAvailable).toBe(false);
    expect(await host.annotate(result.findings)).toEqual({ cells: result.findings.length, notes: false });
    expect(fake.cell('表4', 'H6').note ?? null).toBeNull();
    expect(fake.cell('表4', 'H6').fill?.color).toBe(SEVERITY_FILL.error);
    await host.clearAnnotations();
    expect(JSON.parse(fake.save())).toEqual(JSON.parse(before));
  });

  test('writes the 检查结果 sheet with a link to each finding cell, replacing an older one', async () => {
    const { fake, result } = await qingpu();
    const projects = new Map(result.forms.map((r) => [r.form.id, r.form.project?.value ?? '']));
    const host = createExcelHost(fake.api());
    await host.writeReport(reportRows(result.findings, projects));
    await host.writeReport(reportRows(result.findings.slice(0, 2), projects));
    const sheet = fake.sheet(REPORT_SHEET);
    expect(fake.state.active).toBe(REPORT_SHEET);
    expect(fake.cell(REPORT_SHEET, 'A1').value).toBe('序号');
    const rowOf = (n: number) => ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => fake.cell(REPORT_SHEET, `${c}${n}`).value);
    const first = result.findings[0];
    expect(rowOf(2)).toEqual([1, '警告', first.code, expect.any(String), first.sheet, first.cell, '灵活就业工作经费', first.message]);
    expect(fake.cell(REPORT_SHEET, 'F2').hyperlink).toEqual({ documentReference: `'${first.sheet}'!${first.cell}`, textToDisplay: first.cell });
    // Only two rows left after rewriting.
    expect(Object.keys(sheet.cells).filter((k) => Number(k.split(',')[0]) >= 3)).toHaveLength(0);
  });
});
