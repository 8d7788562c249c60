import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { JsonReport } from '../../src/core/report';
import { FORMS_DIR } from '../core/fixtures';

export const FORMS = FORMS_DIR;
export const QINGPU_XLSX = path.join(FORMS, 'qingpu-2024-self-eval.xlsx');
export const QINGPU_TSV = path.join(FORMS, 'qingpu-2024-self-eval.tsv');
export const BAOSHAN_XLSX = path.join(FORMS, 'baoshan-2022-self-eval.xlsx');
export const BAOSHAN_TSV = path.join(FORMS, 'baoshan-2022-self-eval.tsv');
export const DECLARATION_XLSX = path.join(FORMS, 'baoshan-2024-target-declaration.xlsx');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command in-process, as a user would type `perfcheck ...args`. */
export async function run(args: string[], isTTY = false): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    isTTY,
  });
  return { code, stdout, stderr };
}

export async function runJson(args: string[]): Promise<RunResult & { report: JsonReport }> {
  const r = await run([...args, '--format', 'json']);
  return { ...r, report: JSON.parse(r.stdout) as JsonReport };
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A fresh temporary folder per test, removed afterwards by `cleanup`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'perfcheck-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Loads a fixture, lets the test change it, and saves the result under `dir`. */
export async function mutatedCopy(source: string, dir: string, name: string, change: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = await loadWorkbook(source);
  change(wb);
  const out = path.join(dir, name);
  await wb.xlsx.writeFile(out);
  return out;
}
