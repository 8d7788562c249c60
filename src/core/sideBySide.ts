import { filledCells, filledRows, Grid } from './grid';
import { FIELD_LABELS, fundColumnOf, indicatorColumnOf, isDeclarationTitle, isSelfEvalTitle, matches } from './labels';

/**
 * Forms laid side by side on one sheet (copied next to each other to compare, or a
 * template printing two across) are read one at a time: the sheet is cut at blank
 * columns into bands, and each band that holds a whole form of its own is read as if
 * alone. A band that does not (the label column of a form with a blank spacer column,
 * a centred title cut off from its table) stays with its neighbour, so a single form
 * with blank columns inside is never cut apart.
 */
export function formBands(grid: Grid): Grid[] {
  const runs = columnRuns(grid);
  if (runs.length < 2) return [grid];
  const bands: Run[] = [];
  let pending: Run | null = null;
  for (const run of runs) {
    const joined: Run = pending ? joinRuns(pending, run) : run;
    if (holdsForm(joined)) {
      bands.push(joined);
      pending = null;
    } else if (bands.length > 0) {
      bands[bands.length - 1] = joinRuns(bands[bands.length - 1], run);
    } else {
      pending = joined;
    }
  }
  if (bands.length < 2) return [grid];
  return bands.map((band) => masked(grid, band));
}

/** Grid-relative columns, inclusive, and what their cells say about a form. */
interface Run {
  from: number;
  to: number;
  /** A title or 项目名称. */
  start: boolean;
  fundColumns: Set<string>;
  /** The indicator table's 年度指标值. */
  targets: boolean;
}

function joinRuns(a: Run, b: Run): Run {
  return {
    from: a.from,
    to: b.to,
    start: a.start || b.start,
    fundColumns: new Set([...a.fundColumns, ...b.fundColumns]),
    targets: a.targets || b.targets,
  };
}

/**
 * Whether the columns hold a form's start and its numbers' headers: three fund table
 * columns, or the indicator table's 年度指标值 (a 申报表 has no 得分).
 */
function holdsForm(run: Run): boolean {
  return run.start && (run.fundColumns.size >= 3 || run.targets);
}

/** Runs of columns with something in them, separated by wholly blank columns (none when there is no such column). */
function columnRuns(grid: Grid): Run[] {
  const used = new Set<number>();
  for (const r of filledRows(grid)) for (const { col } of filledCells(grid, r)) used.add(col);
  const cols = [...used].sort((a, b) => a - b);
  // Most sheets have no blank column inside: nothing to look at.
  if (cols.length === 0 || cols[cols.length - 1] - cols[0] + 1 === cols.length) return [];
  const byColumn = new Map<number, Run>(
    cols.map((col) => [col, { from: col, to: col, start: false, fundColumns: new Set(), targets: false }]),
  );
  for (const r of filledRows(grid)) {
    for (const { col, text } of filledCells(grid, r)) {
      const run = byColumn.get(col)!;
      if (isSelfEvalTitle(text) || isDeclarationTitle(text) || matches(text, FIELD_LABELS.project)) run.start = true;
      const fund = fundColumnOf(text);
      if (fund) run.fundColumns.add(fund);
      if (indicatorColumnOf(text) === 'target') run.targets = true;
    }
  }
  const runs: Run[] = [];
  for (const col of cols) {
    const last = runs[runs.length - 1];
    const run = byColumn.get(col)!;
    if (last && col === last.to + 1) runs[runs.length - 1] = joinRuns(last, run);
    else runs.push(run);
  }
  return runs;
}

/** The grid with only the band's columns: addresses stay those of the sheet. */
function masked(grid: Grid, band: Run): Grid {
  return {
    ...grid,
    cells: grid.cells.map((row) => row && row.map((cell, c) => (c >= band.from && c <= band.to ? cell : null))),
  };
}
