import { readFileSync } from 'fs';
import { join } from 'path';
import { FakeExcel } from './fakeOffice';

/**
 * The office.js copy the add-in serves from its own origin when Microsoft's CDN cannot
 * be reached is @microsoft/office-js 1.1.110, which its README says is no longer
 * supported. Its Excel scripts are read here to ground the fake's `library = '1.15'`:
 * threaded comments (ExcelApi 1.10) are there, cell notes (ExcelApi 1.18) are not, so
 * an Excel that reports 1.18 must not be trusted to mean the library has notes.
 */
const DIST = join(__dirname, '../../../node_modules/@microsoft/office-js/dist');
const EXCEL_SCRIPTS = ['excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js'];

describe('the @microsoft/office-js copy served as the fallback', () => {
  test.each(EXCEL_SCRIPTS)('%s defines Excel.CommentCollection but no Excel.NoteCollection', (file) => {
    const script = readFileSync(join(DIST, file), 'utf8');
    // Classes are put on the Excel namespace as `e.CommentCollection=…`.
    expect(script).toMatch(/\.CommentCollection=/);
    expect(script).not.toContain('NoteCollection');
    // Its newest requirement set is 1.15.
    expect(script).toContain('"1.15"');
    expect(script).not.toMatch(/"1\.1[6-9]"/);
  });

  test('the fake set to that library answers the same', () => {
    const fake = new FakeExcel();
    fake.library = '1.15';
    expect(fake.api().hasClass('CommentCollection')).toBe(true);
    expect(fake.api().hasClass('NoteCollection')).toBe(false);
  });
});
