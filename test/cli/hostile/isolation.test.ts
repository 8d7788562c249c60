import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { BAOSHAN_TSV, QINGPU_XLSX, run, runJson, tempDir } from '../helpers';
import { sheetXml, textCell, workbookParts } from './workbookXml';
import { zip } from './zipWriter';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** A workbook inside every limit that still needs far more than 64 MB to load: 200,000 text cells. */
function manyCells(): string {
  const rows: string[] = [];
  for (let r = 1; r <= 40000; r++) {
    rows.push(`<row r="${r}">${['A', 'B', 'C', 'D', 'E'].map((c) => textCell(`${c}${r}`, `明细${r}-${c}`)).join('')}</row>`);
  }
  const file = path.join(dir, '大明细.xlsx');
  writeFileSync(file, zip(workbookParts([{ name: '明细', xml: sheetXml(rows.join('')) }])));
  return file;
}

test('a file that exhausts the memory cap ends its worker only: one Chinese error, the next file is still checked', async () => {
  const big = manyCells();
  const alone = await runJson([QINGPU_XLSX]);
  const { code, stderr, report } = await runJson([big, QINGPU_XLSX, '--max-memory', '64']);
  expect(code).toBe(2);
  expect(stderr).toBe(`无法检查 ${big}：读取和检查时内存超过上限 64 MB，已停止（可用 --max-memory 调整）\n`);
  expect(report.files[1].findings).toEqual(alone.report.files[0].findings);
  // With the default cap the same file is read (it holds no form).
  const normal = await runJson([big]);
  expect(normal.report.files[0]).toMatchObject({ forms: [], findings: [expect.objectContaining({ code: 'NO_FORM_FOUND' })] });
}, 120000);

test('limits are adjustable: lowered, a good file is refused naming the limit; raised, a refused file is read', async () => {
  const low = await runJson([QINGPU_XLSX, BAOSHAN_TSV, '--max-cells', '100']);
  expect(low.code).toBe(2);
  expect(low.report.files.map((f) => f.error)).toEqual([
    expect.stringMatching(/^单元格数超过上限：至少 101 个（含合并单元格、数据验证和名称覆盖的单元格），上限 100 个（可用 --max-cells 调整）$/),
    '单元格数超过上限：至少 101 个，上限 100 个（可用 --max-cells 调整）',
  ]);
  const text = await runJson([QINGPU_XLSX, '--max-text', '10']);
  expect(text.report.files[0].error).toMatch(/^单元格文字长度超过上限：有一段文字 \d+ 个字符，上限 10 个字符（可用 --max-text 调整）$/);
  const size = await runJson([QINGPU_XLSX, '--max-size=1', '--max-sheets', '4']);
  expect(size.report.files[0].error).toBe('工作表数超过上限：5 个，上限 4 个（可用 --max-sheets 调整）');

  const long = path.join(dir, '长文字.xlsx');
  writeFileSync(long, zip(workbookParts([{ name: 'S', xml: sheetXml(`<row r="1">${textCell('A1', '长'.repeat(40000))}</row>`) }])));
  expect((await runJson([long])).code).toBe(2);
  const raised = await runJson([long, '--max-text', '50000']);
  expect(raised.code).toBe(0);
  expect(raised.report.files[0].findings.map((f) => f.code)).toEqual(['NO_FORM_FOUND']);
});

test('a limit option needs a whole number within range', async () => {
  for (const [args, message] of [
    [['--max-cells', 'many'], '选项 --max-cells 的取值应为不小于 1 的整数：many'],
    [['--max-size=0'], '选项 --max-size 的取值应为不小于 1 的整数：0'],
    [['--max-memory', '16'], '选项 --max-memory 的取值应为不小于 64 的整数：16'],
    [['--time-limit', '1.5'], '选项 --time-limit 的取值应为不小于 1 的整数：1.5'],
    [['--time-limit'], '选项 --time-limit 后面缺少取值'],
  ] as const) {
    const r = await run([QINGPU_XLSX, ...args]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: `${message}\n` });
  }
});

test('FIFOs and devices: refused when named, listed as skipped inside folders, never read', async () => {
  const folder = path.join(dir, '来件');
  mkdirSync(folder);
  copyFileSync(QINGPU_XLSX, path.join(folder, 'a.xlsx'));
  execFileSync('mkfifo', [path.join(folder, 'b.xlsx')]);
  const fifo = path.join(dir, '管道.tsv');
  execFileSync('mkfifo', [fifo]);
  const { code, stderr, report } = await runJson([folder, fifo, '/dev/zero', '/dev/null']);
  expect(code).toBe(2);
  expect(report.files.map((f) => [path.basename(f.path), f.error ?? f.skipped ?? null])).toEqual([
    ['a.xlsx', null],
    ['b.xlsx', '不是普通文件（链接到文件夹、管道或设备）'],
    ['管道.tsv', `不是普通文件，不会读取：${fifo}（命名管道、设备和套接字可能永远读不完）`],
    ['zero', '不是普通文件，不会读取：/dev/zero（命名管道、设备和套接字可能永远读不完）'],
    ['null', '不是普通文件，不会读取：/dev/null（命名管道、设备和套接字可能永远读不完）'],
  ]);
  expect(stderr.trimEnd().split('\n')).toHaveLength(3);
});

test('a note or table naming a cell outside the sheet is refused before parsing', async () => {
  const comments = '<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><commentList><comment ref="A999999999" authorId="0"><text><t>批注</t></text></comment></commentList></comments>';
  const file = path.join(dir, '批注.xlsx');
  writeFileSync(file, zip([...workbookParts([{ name: 'S', xml: sheetXml('') }]), { name: 'xl/comments1.xml', data: comments }]));
  const { code, report } = await runJson([file, QINGPU_XLSX]);
  expect(code).toBe(2);
  expect(report.files[0].error).toBe('xl/comments1.xml 中的行号 999,999,999 超出 Excel 工作表的范围（1 至 1,048,576 行），文件已损坏或被改动，无法读取');
  expect(report.files[1].forms).toHaveLength(5);
});
