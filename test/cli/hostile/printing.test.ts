import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { JsonReport, jsonReport } from '../../../src/core/report';
import { csvOutput } from '../../../src/cli/csv';
import { jsonText, oneLine } from '../../../src/cli/printable';
import { QINGPU_TSV, run, runJson, tempDir } from '../helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

// Erase the line and move up (CSI), set the window title (OSC), a C1 CSI, and a right-to-left override.
const ERASE = '\x1b[2K\x1b[1A';
const TITLE = '\x1b]0;已通过\x07';
const RLO = '\u202e';
const C1 = '\x9b2J';
// Anything a terminal acts on: C0 controls but line feed, DEL, C1 controls, bidi controls.
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const CONTROLS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The 青浦 text with terminal controls in a project name and in the score the check reports on. */
function hostileText(): string {
  const text = readFileSync(QINGPU_TSV, 'utf8')
    .replace('灵活就业工作经费', `灵活就业${TITLE}工作经费${RLO}`)
    .replace('\t82.72\t8.72\n', `\t82.72\t8.7${ERASE}2${C1}\n`);
  const file = path.join(dir, `恶意${TITLE}.tsv`);
  writeFileSync(file, text);
  return file;
}

test('the table output carries no terminal control from the workbook or its name, and keeps every finding line', async () => {
  const file = hostileText();
  const { stdout, stderr } = await run([file]);
  expect(stdout).not.toMatch(CONTROLS);
  expect(stderr).toBe('');
  expect(stdout).toContain('1. 灵活就业工作经费　[绩效自评表');
  // The score cell is no number now; its finding keeps a line of its own, with the text shown.
  const line = stdout.split('\n').find((l) => l.includes('UNPARSABLE_VALUE'));
  expect(line).toMatch(/^ {6}\[.{2}\] 恶意!H87 {2}资金得分“8\.72”不是数字.*（UNPARSABLE_VALUE）$/);
  expect(stdout).toContain(`文件：${path.join(dir, '恶意.tsv')}`);
});

test('JSON keeps the text exactly, with the controls escaped; CSV keeps the text without them', async () => {
  const file = hostileText();
  const { stdout, report } = await runJson([file]);
  expect(stdout).not.toMatch(CONTROLS);
  expect(report.files[0].forms[0].project).toBe(`灵活就业${TITLE}工作经费${RLO}`);
  expect(report.files[0].findings.find((f) => f.code === 'UNPARSABLE_VALUE')!.actual).toBe(`8.7${ERASE}2${C1}`);

  const csv = (await run([file, '--format', 'csv'])).stdout;
  expect(csv.replace(/\r\n/g, '\n')).not.toMatch(CONTROLS);
  expect(csv).toContain('灵活就业工作经费');
  expect(csv).toContain(',8.72\r\n');
});

test('oneLine, keepLayout and jsonText on the sequences terminals act on', () => {
  expect(oneLine(`a${ERASE}b${TITLE}c\x1bPq#0\x1b\\d\x1b7e\x07f\x00g${C1}h`)).toBe('abcdefgh');
  // An OSC never ended loses its opening only: the text after it stays readable.
  expect(oneLine('项目\x1b]0;名称')).toBe('项目0;名称');
  expect(oneLine('第一行\n第二行\r\n\t第三行')).toBe('第一行 第二行 第三行');
  expect(oneLine(`${RLO}tnemucod\u2066x\u2069`)).toBe('tnemucodx');
  expect(JSON.parse(jsonText(JSON.stringify({ s: `a${C1}${RLO}b` })))).toEqual({ s: `a${C1}${RLO}b` });
  expect(jsonText(JSON.stringify(`a${RLO}`))).toBe('"a\\u202e"');
  const report: JsonReport = jsonReport([]);
  expect(csvOutput(report).replace(/\r\n/g, '')).not.toMatch(CONTROLS);
});
