import { checkWorkbook } from '../../../src/core/engine';
import { createExcelHost } from '../../../src/hosts/excel';
import { GENERAL_FIXTURES, generalVariantGrids } from '../../formats/generalVariants';
import { FakeExcel } from './fakeOffice';

/**
 * Issue 10, defect 1, through the Excel host: a Chinese Excel can hand the General
 * format over as `G/通用格式`; the fake Office.js is fed the fixtures with every
 * non-percent number in that format, and with `General`.
 */
describe.each(GENERAL_FIXTURES)('Excel host on %s with its numbers in General', (name) => {
  test('G/通用格式 gives exactly the findings of General', async () => {
    const findings = async (general: string) => {
      const grids = await generalVariantGrids(name, general);
      const host = createExcelHost(FakeExcel.fromGrids(grids).api());
      const read = await host.readSheets(grids.map((g) => g.sheet));
      const formats = new Set(read.flatMap((g) => g.cells.flat().flatMap((c) => (typeof c?.value === 'number' ? [c.format] : []))));
      return { findings: checkWorkbook(read).findings, formats };
    };
    const [general, wps] = [await findings('General'), await findings('G/通用格式')];
    expect(wps.formats.has('G/通用格式')).toBe(true);
    expect(general.findings.length).toBeGreaterThan(0);
    expect(wps.findings).toEqual(general.findings);
  });
});
