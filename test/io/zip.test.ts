import { readFileSync } from 'fs';
import { inflateRawSync } from 'zlib';
import { checkXlsxLimits } from '../../src/io/xlsxLimits';
import { DEFAULT_LIMITS } from '../../src/io/limits';
import { inflateEntry, ZipBudgetError, zipEntries, ZipError } from '../../src/io/zip';
import { QINGPU_XLSX } from '../cli/helpers';
import { sheetXml, textCell, workbookParts } from '../cli/hostile/workbookXml';
import { zip } from '../cli/hostile/zipWriter';

describe('zip directory reader', () => {
  test('a published real workbook: every entry listed, inflating to the size its directory gives', () => {
    const bytes = readFileSync(QINGPU_XLSX);
    const entries = zipEntries(bytes);
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', '[Content_Types].xml']));
    for (const e of entries) expect(inflateEntry(bytes, e, DEFAULT_LIMITS.maxBytes)).toHaveLength(e.uncompressedSize);
    expect(() => checkXlsxLimits(bytes, DEFAULT_LIMITS)).not.toThrow();
  });

  test('inflation stops at the budget, whatever the directory claims', () => {
    const text = '<c t="inlineStr"><is><t>填充</t></is></c>'.repeat(20000);
    const bytes = zip([{ name: 'xl/worksheets/sheet1.xml', data: text, declaredSize: 10 }]);
    const [entry] = zipEntries(bytes);
    expect(entry.uncompressedSize).toBe(10);
    expect(() => inflateEntry(bytes, entry, 100_000)).toThrow(ZipBudgetError);
    expect(inflateEntry(bytes, entry, 10_000_000).toString('utf8')).toBe(text);
  });

  test('truncated or not a zip: a Chinese ZipError', () => {
    const whole = readFileSync(QINGPU_XLSX);
    expect(() => zipEntries(whole.subarray(0, whole.length - 30))).toThrow(ZipError);
    expect(() => zipEntries(whole.subarray(0, 100))).toThrow(/工作簿已损坏或不完整/);
    expect(() => zipEntries(Buffer.from('PK not really'))).toThrow(ZipError);
  });

  test('an encrypted entry is refused before anything is inflated', () => {
    const bytes = zip(workbookParts([{ name: 'S', xml: sheetXml(`<row r="1">${textCell('A1', 'x')}</row>`) }]));
    // Set bit 0 (encrypted) of the general purpose flags in every central directory header.
    for (let p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) bytes[p + 8] |= 1;
    expect(() => checkXlsxLimits(bytes, DEFAULT_LIMITS)).toThrow('工作簿的压缩包内容已加密，无法读取');
  });

  test('ZIP64 sizes in the extra field are read', () => {
    const data = Buffer.from('<x/>');
    const bytes = zip([{ name: 'a.xml', data }]);
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    // Rewrite the central header as ZIP64: sizes 0xFFFFFFFF, real ones in extra field 0x0001.
    const extra = Buffer.alloc(20);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(data.length), 4);
    extra.writeBigUInt64LE(BigInt(bytes.readUInt32LE(central + 20)), 12);
    const header = Buffer.from(bytes.subarray(central, central + 46 + 5));
    header.writeUInt32LE(0xffffffff, 20);
    header.writeUInt32LE(0xffffffff, 24);
    header.writeUInt16LE(extra.length, 30);
    const end = Buffer.from(bytes.subarray(bytes.length - 22));
    end.writeUInt32LE(header.length + extra.length, 12);
    const zip64 = Buffer.concat([bytes.subarray(0, central), header, extra, end]);
    const [entry] = zipEntries(zip64);
    expect(entry).toMatchObject({ name: 'a.xml', uncompressedSize: data.length });
    expect(inflateEntry(zip64, entry, 100)).toEqual(data);
    expect(inflateRawSync(zip64.subarray(30 + 5, 30 + 5 + entry.compressedSize))).toEqual(data);
  });
});
