import { checkWorkbook } from '../../../src/core/engine';
import { createWpsHost } from '../../../src/hosts/wps';
import { GENERAL_FIXTURES, generalVariantGrids } from '../../formats/generalVariants';
import { FakeEt } from './fakeEt';

/**
 * Issue 10, defect 1, through the WPS host: WPS reports General as `G/通用格式` in
 * `Range.NumberFormat`; the fake ET (answering as documented: one string, Null where
 * the cells differ) is fed the fixtures with every non-percent number in that format.
 */
describe.each(GENERAL_FIXTURES)('WPS host on %s with its numbers in General', (name) => {
  test('G/通用格式 gives exactly the findings of General', async () => {
    const findings = async (general: string) => {
      const et = FakeEt.fromGrids(await generalVariantGrids(name, general));
      const host = createWpsHost(et.application);
      const { names } = await host.sheets();
      const grids = await host.readSheets(names);
      const formats = new Set(grids.flatMap((g) => g.cells.flat().flatMap((c) => (typeof c?.value === 'number' ? [c.format] : []))));
      return { findings: checkWorkbook(grids).findings, formats };
    };
    const [general, wps] = [await findings('General'), await findings('G/通用格式')];
    // The host really saw WPS's spelling.
    expect(wps.formats.has('G/通用格式')).toBe(true);
    expect(general.formats.has('G/通用格式')).toBe(false);
    expect(general.findings.length).toBeGreaterThan(0);
    expect(wps.findings).toEqual(general.findings);
  });
});
