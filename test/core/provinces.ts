import { readFileSync } from 'fs';
import { join } from 'path';
import { Grid } from '../../src/core/grid';
import { parseTsv } from '../../src/core/tsv';
import { FORMS_DIR } from './fixtures';

/** The five forms from other provinces (../shared/forms/provinces, with sources.json). */
export const PROVINCE_FORMS = [
  'haidian-2016-1',
  'langfang-2019-1',
  'lijianggucheng-2020-1',
  'tangxi-2022-1',
  'zhongjiang-2022-1',
] as const;
export type ProvinceForm = (typeof PROVINCE_FORMS)[number];

export function provinceTsv(name: ProvinceForm): Grid {
  return parseTsv(readFileSync(join(FORMS_DIR, 'provinces', `${name}.tsv`), 'utf8'), name);
}

export function provinceRows(name: ProvinceForm): string[][] {
  return readFileSync(join(FORMS_DIR, 'provinces', `${name}.tsv`), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.split('\t'));
}

/** What sources.json says was printed, as transcribed by hand from the published pages. */
export interface SourceNotes {
  file: string;
  fund: { initial: string | null; full: string | null; actual: string; rate: string; weight: string; score: string };
  indicator_weight_sum: number | string;
  indicator_score_sum: number | string;
  total_printed: { weight: string; score: string } | null;
}

export function sourceNotes(name: ProvinceForm): SourceNotes {
  const all = JSON.parse(readFileSync(join(FORMS_DIR, 'provinces', 'sources.json'), 'utf8')) as SourceNotes[];
  return all.find((s) => s.file === `${name}.tsv`)!;
}
