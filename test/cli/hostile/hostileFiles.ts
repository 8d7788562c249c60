import { execFileSync } from 'child_process';
import { copyFileSync, symlinkSync, truncateSync, writeFileSync } from 'fs';
import * as path from 'path';
import { crc32, createDeflateRaw } from 'zlib';
import { sheetXml, textCell, workbookParts } from './workbookXml';
import { zip, ZipPart } from './zipWriter';

/**
 * The hostile and broken files of issue 11, generated small: each is refused with one
 * Chinese error line, whatever else is checked beside it. `reason` is a phrase the
 * error must contain.
 */
export interface HostileFile {
  file: string;
  reason: RegExp;
}

const MB = 1024 * 1024;

/** `chunk` repeated until `bytes` long, deflated as a stream so that the whole text never sits in memory. */
async function deflatedRepeat(chunk: string, bytes: number): Promise<{ data: Buffer; size: number; crc: number }> {
  const piece = Buffer.from(chunk.repeat(Math.ceil(MB / chunk.length)), 'utf8');
  const out: Buffer[] = [];
  const deflate = createDeflateRaw();
  deflate.on('data', (b: Buffer) => out.push(b));
  const finished = new Promise((resolve) => deflate.on('end', resolve));
  let size = 0;
  let crc = 0;
  while (size < bytes) {
    deflate.write(piece);
    crc = crc32(piece, crc);
    size += piece.length;
  }
  deflate.end();
  await finished;
  return { data: Buffer.concat(out), size, crc };
}

/** Writes a one-sheet workbook whose sheet part inflates to `bytes`; with `lie`, its headers say 1 KB. */
export async function writeBomb(file: string, bytes: number, lie: boolean): Promise<void> {
  // Only filler cells, not a whole sheet part: the size check must come before any parsing.
  const filler = await deflatedRepeat('<c t="inlineStr"><is><t>填充填充</t></is></c>', bytes);
  const parts: ZipPart[] = workbookParts([{ name: '大表', xml: sheetXml('') }]).map((p) =>
    p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, data: filler.data, deflated: { size: filler.size, crc: filler.crc }, declaredSize: lie ? 1024 : undefined } : p,
  );
  writeFileSync(file, zip(parts));
}

/** Writes every hostile file into `dir` (and links and FIFOs into `outside`, to be named on the command line). */
export async function writeHostileFiles(dir: string, outside: string): Promise<{ inFolder: HostileFile[]; named: HostileFile[] }> {
  const put = (name: string, data: Buffer | string, reason: RegExp): HostileFile => {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    return { file, reason };
  };
  const bomb = async (name: string, lie: boolean): Promise<HostileFile> => {
    const file = path.join(dir, name);
    await writeBomb(file, 150 * MB, lie);
    return { file, reason: /解压后的大小超过上限.*上限 100 MB（可用 --max-size 调整）/ };
  };
  const one = (xml: string) => zip(workbookParts([{ name: 'Sheet1', xml }]));
  const inFolder = [
    put('02-第999999999行.xlsx', one(sheetXml(`<row r="999999999">${textCell('A999999999', '项目名称')}</row>`)), /行号 999,999,999 超出 Excel 工作表的范围/),
    put(
      '03-整表合并.xlsx',
      one(sheetXml(`<row r="1">${textCell('A1', '项目名称')}</row>`, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')),
      /单元格数超过上限.*上限 1,000,000 个（可用 --max-cells 调整）/,
    ),
    put(
      '03b-整表数据验证.xlsx',
      one(
        sheetXml(
          `<row r="1">${textCell('A1', '项目名称')}</row>`,
          '<dataValidations count="1"><dataValidation type="list" sqref="B2 A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>',
        ),
      ),
      /单元格数超过上限.*上限 1,000,000 个（可用 --max-cells 调整）/,
    ),
    put(
      '03c-整表名称.xlsx',
      zip(
        workbookParts([{ name: 'S', xml: sheetXml(`<row r="1">${textCell('A1', '项目名称')}</row>`) }]).map((p) =>
          p.name === 'xl/workbook.xml'
            ? { ...p, data: String(p.data).replace('</sheets>', '</sheets><definedNames><definedName name="全部">S!$A$1:$XFD$1048576</definedName></definedNames>') }
            : p,
        ),
      ),
      /单元格数超过上限.*上限 1,000,000 个（可用 --max-cells 调整）/,
    ),
    await bomb('04-解压炸弹.xlsx', false),
    await bomb('05-谎报大小.xlsx', true),
    put('06-没有workbook.xlsx', zip(workbookParts([{ name: 'S', xml: sheetXml('') }]).filter((p) => p.name !== 'xl/workbook.xml')), /没有 xl\/workbook\.xml/),
    put(
      '07-三百个工作表.xlsx',
      zip(workbookParts(Array.from({ length: 300 }, (_, i) => ({ name: `S${i + 1}`, xml: sheetXml('') })))),
      /工作表数超过上限：300 个，上限 255 个（可用 --max-sheets 调整）/,
    ),
    put('08-超长文字.xlsx', one(sheetXml(`<row r="1">${textCell('A1', '长'.repeat(40000))}</row>`)), /单元格文字长度超过上限.*40,000 个字符/),
    put('09-不是文本.tsv', Buffer.from([0xff, 0x00, 0xff, 0x81, 0x7f, 0xfe, 0x20, 0xff]), /无法识别文本编码/),
  ];
  // 200 MB of zeros without writing them: a sparse file, refused by its size before reading.
  const huge = path.join(dir, '10-两百兆.tsv');
  writeFileSync(huge, '');
  truncateSync(huge, 200 * MB);
  inFolder.push({ file: huge, reason: /文件大小超过上限：200 MB，上限 100 MB（可用 --max-size 调整）/ });

  const zero = path.join(outside, 'zero.tsv');
  symlinkSync('/dev/zero', zero);
  const fifo = path.join(outside, 'fifo.xlsx');
  execFileSync('mkfifo', [fifo]);
  const named = [
    { file: zero, reason: /不是普通文件，不会读取/ },
    { file: fifo, reason: /不是普通文件，不会读取/ },
  ];
  return { inFolder, named };
}

export function copyGoodWorkbook(source: string, dir: string): string {
  const good = path.join(dir, '01-正常.xlsx');
  copyFileSync(source, good);
  return good;
}
