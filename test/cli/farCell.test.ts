import { QINGPU_XLSX, mutatedCopy, runJson, tempDir } from './helpers';

/**
 * Issue #11, defect 2: a normal form plus one value in XFD1048576 took about 14 minutes,
 * because locating forms scanned rows × the widest row. Reading now walks filled cells
 * only, so the file reads as quickly and exactly as without the stray value (the test's
 * own time limit is the bound; no time is asserted).
 */
test('a stray value in XFD1048576 leaves the workbook checked as without it', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const far = await mutatedCopy(QINGPU_XLSX, dir, 'far.xlsx', (wb) => {
      wb.worksheets[0].getCell('XFD1048576').value = '附注';
    });
    const plain = await runJson([QINGPU_XLSX]);
    const stray = await runJson([far]);
    expect(stray.code).toBe(plain.code);
    const findings = (r: typeof plain) => r.report.files[0].findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);
    expect(findings(stray)).toEqual(findings(plain));
    expect(stray.report.files[0].forms).toHaveLength(5);
  } finally {
    cleanup();
  }
});
