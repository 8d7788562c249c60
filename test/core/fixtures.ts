import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Grid, textGrid } from '../../src/core/grid';
import { parseTsv } from '../../src/core/tsv';
import { readXlsx } from '../../src/io/xlsx';

/**
 * The shared real forms (../shared/forms beside the repository); PERFCHECK_FORMS_DIR
 * points elsewhere for a checkout that is not beside shared/ (a git worktree).
 */
export const FORMS_DIR = process.env.PERFCHECK_FORMS_DIR || join(__dirname, '..', '..', '..', 'shared', 'forms');

export type FixtureName = 'baoshan-2022-self-eval' | 'qingpu-2024-self-eval' | 'baoshan-2024-target-declaration';

export function fixtureTsv(name: FixtureName): Grid {
  return parseTsv(readFileSync(join(FORMS_DIR, `${name}.tsv`), 'utf8'), name);
}

export function fixtureXlsx(name: FixtureName): Promise<Grid[]> {
  return readXlsx(readFileSync(join(FORMS_DIR, `${name}.xlsx`)), ExcelJS);
}

/** The fixture's TSV as rows of text, to mutate into bad input. */
export function fixtureRows(name: FixtureName): string[][] {
  return readFileSync(join(FORMS_DIR, `${name}.tsv`), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.split('\t'));
}

/** Rows [from, to] (1-based, inclusive) of a fixture: one form cut out of a stacked sheet. */
export function formRows(name: FixtureName, from: number, to: number): string[][] {
  return fixtureRows(name)
    .slice(from - 1, to)
    .map((r) => [...r]);
}

/** Sets a cell by A1 address, relative to the rows' first row being row 1. */
export function setCell(rows: string[][], a1: string, value: string): string[][] {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  const r = Number(m[2]) - 1;
  const c = m[1].charCodeAt(0) - 65;
  while (rows.length <= r) rows.push([]);
  while (rows[r].length <= c) rows[r].push('');
  rows[r][c] = value;
  return rows;
}

export function gridOf(rows: string[][], sheet = 'Sheet1', top = 0, left = 0): Grid {
  return textGrid(sheet, rows, top, left);
}
