import { Decimal } from './decimal';
import { FundRow, FundTable, Read } from './form';
import { FilledCell, Grid, addressOf, cellAt, filledCells, filledRows } from './grid';
import { FundColumn, amountUnitIn, fundColumnOf, fundLineOf, isFundHeader, isPercentColumn } from './labels';
import { FormRegion } from './locate';
import { NumberReading, readNumber } from './values';

type Columns = Map<FundColumn, number>;

/** The fund table's header: where its columns are and what unit its amounts are in. */
interface FundHeader {
  row: number;
  cols: Columns;
  unit: '元' | '万元';
  rateColumnIsPercent: boolean;
}

const AMOUNT_COLUMNS: FundColumn[] = ['initialBudget', 'budget', 'actual'];
/** A line that states the amounts' unit: `单位：万元`, `金额单位：元`. */
const UNIT_LINE = /单位\s*[:：]/;

/**
 * Reads the fund table (项目资金, 资金情况, 预算资金 …) of a form: its header, found by its
 * heading cell or by its column labels, and the fund lines below it. Columns are located
 * by their labels, whatever their order and whichever are missing; each line's numbers
 * are then placed on those columns by the offset that best explains them, arithmetic
 * included, because PDF-derived grids shift data rows against their header.
 */
export function readFundTable(grid: Grid, region: FormRegion, end: number): FundTable | null {
  const header = findHeader(grid, region, end);
  if (!header) return null;
  const rows: FundRow[] = [];
  // The first line's offset and label column: a later line whose label sits k columns
  // further right most likely has its numbers k columns further right too (PDF rows shift whole).
  let first: { shift: number; labelCol: number } | null = null;
  for (const y of filledRows(grid, header.row + 1, end)) {
    const cells = filledCells(grid, y).filter((c) => c.col >= region.left && c.col <= region.right);
    const labelAt = cells.findIndex((c) => fundLineOf(c.text) !== null);
    if (labelAt < 0) {
      // The lines are contiguous; the first other row (年度总体目标 …) ends the table.
      if (rows.length > 0) break;
      continue;
    }
    const label = cells[labelAt];
    const values = cells.slice(labelAt + 1);
    const preferred = first ? first.shift + label.col - first.labelCol : 0;
    const shift = bestShift(grid, y, values, header.cols, preferred, first === null);
    first ??= { shift, labelCol: label.col };
    const at = (k: FundColumn): Read<NumberReading> | null => {
      const c = header.cols.get(k);
      if (c === undefined) return null;
      const col = Math.max(c + shift, label.col + 1);
      return { value: readNumber(cellAt(grid, y, col)), cell: addressOf(grid, y, col) };
    };
    rows.push({
      line: fundLineOf(label.text)!,
      label: { value: label.text, cell: addressOf(grid, y, label.col) },
      initialBudget: at('initialBudget'),
      // Templates without a 全年预算数 column divide by 年初预算数 (执行率(B/A) over 年初预算数(A)).
      budget: header.cols.has('budget') ? at('budget') : at('initialBudget'),
      actual: at('actual'),
      weight: at('weight'),
      rate: at('rate'),
      score: at('score'),
    });
  }
  return { unit: header.unit, rateColumnIsPercent: header.rateColumnIsPercent, rows };
}

/**
 * The header row: a heading cell such as `项目资金（万元）` with column labels on its row
 * (or, under a heading alone, on the next row), or three fund column labels without a
 * heading, one of them an amount.
 */
function findHeader(grid: Grid, region: FormRegion, end: number): FundHeader | null {
  const candidates = filledRows(grid, region.top, end);
  for (let i = 0; i < candidates.length; i++) {
    const r = candidates[i];
    const cells = filledCells(grid, r).filter((c) => c.col >= region.left && c.col <= region.right);
    const heading = cells.find((c) => isFundHeader(c.text));
    let labelled = columnsOf(cells);
    let row = r;
    if (heading && labelled.cols.size < 2 && i + 1 < candidates.length) {
      const next = columnsOf(filledCells(grid, candidates[i + 1]));
      if (next.cols.size >= 2) {
        labelled = next;
        row = candidates[i + 1];
      }
    }
    const amounts = AMOUNT_COLUMNS.filter((k) => labelled.cols.has(k)).length;
    if (!(heading || (labelled.cols.size >= 3 && amounts > 0))) continue;
    // The unit is in the heading, in a column label, or on a `单位：万元` line just above.
    const above = i > 0 ? filledCells(grid, candidates[i - 1]).filter((c) => UNIT_LINE.test(c.text)) : [];
    const unit =
      (heading && amountUnitIn(heading.text)) ??
      cells.map((c) => amountUnitIn(c.text)).find((u) => u !== null) ??
      labelled.unit ??
      above.map((c) => amountUnitIn(c.text)).find((u) => u !== null) ??
      '元';
    return { row, cols: labelled.cols, unit, rateColumnIsPercent: labelled.percent };
  }
  return null;
}

function columnsOf(cells: readonly FilledCell[]) {
  const cols: Columns = new Map();
  let percent = false;
  let unit: '元' | '万元' | null = null;
  for (const c of cells) {
    const col = fundColumnOf(c.text);
    if (col === null || cols.has(col)) continue;
    cols.set(col, c.col);
    if (col === 'rate' && isPercentColumn(c.text)) percent = true;
    if (AMOUNT_COLUMNS.includes(col)) unit ??= amountUnitIn(c.text);
  }
  return { cols, percent, unit };
}

const SHIFTS = [0, 1, -1, 2, -2];
/** Columns that hold `—` on the lines that carry no 分值 or 得分. */
const DASHED: ReadonlySet<FundColumn> = new Set(['weight', 'rate', 'score']);
const ONE_POINT = new Decimal(1);

/**
 * How many columns a line's numbers sit right of the header's columns. Each offset is
 * weighed by how many of the line's cells land on a labelled column (numbers where
 * numbers belong) and by whether 全年执行数 ÷ 全年预算数 gives the printed 执行率; the
 * table's first line's offset, then the smaller one, wins a tie.
 */
function bestShift(
  grid: Grid,
  y: number,
  values: readonly FilledCell[],
  cols: Columns,
  preferred: number,
  firstLine: boolean,
): number {
  if (values.length === 0) return preferred;
  const byColumn = new Map<number, FundColumn>();
  for (const [k, c] of cols) byColumn.set(c, k);
  const kinds = values.map((v) => readNumber(cellAt(grid, y, v.col)).kind);
  const fitOf = (s: number) => {
    // The offset the line's label suggests is worth a cell's fit.
    let weight = s === preferred ? 1 : 0;
    let misfits = 0;
    for (let i = 0; i < values.length; i++) {
      const k = byColumn.get(values[i].col - s);
      const kind = kinds[i];
      let add: number;
      if (k === undefined) add = -2;
      else if (k === 'other') add = kind === 'number' ? 0 : 1;
      else if (kind === 'number') add = 2;
      else if (kind === 'empty') add = DASHED.has(k) ? 1 : -1;
      else add = -1;
      weight += add;
      if (add < 0 || (k === 'other' && kind === 'number')) misfits++;
    }
    return { shift: s, weight, misfits };
  };
  // Every cell where it belongs, and the arithmetic holds or the offset follows the
  // label from the table's first line: no other offset can explain more.
  const expected = fitOf(preferred);
  if (expected.misfits === 0 && (!firstLine || arithmeticHolds(grid, y, cols, preferred))) return preferred;
  const fits = [expected, ...SHIFTS.filter((s) => s !== preferred).map(fitOf)];
  // The arithmetic decides between offsets whose cells fit about as well.
  const top = Math.max(...fits.map((f) => f.weight));
  let best = { shift: preferred, weight: -Infinity };
  for (const f of fits) {
    const weight =
      f.weight >= top - ARITHMETIC && arithmeticHolds(grid, y, cols, f.shift) ? f.weight + ARITHMETIC : f.weight;
    if (weight > best.weight) best = { shift: f.shift, weight };
  }
  return best.shift;
}

/** What it is worth that 执行数 ÷ 预算数 gives the printed 执行率 under an offset. */
const ARITHMETIC = 3;

/** Whether 执行数 ÷ 预算数 × 100 is the printed 执行率 (to a point), under an offset. */
function arithmeticHolds(grid: Grid, y: number, cols: Columns, s: number): boolean {
  const num = (k: FundColumn) => {
    const c = cols.get(k);
    if (c === undefined) return null;
    const r = readNumber(cellAt(grid, y, c + s));
    return r.kind === 'number' ? r : null;
  };
  const budget = num('budget') ?? num('initialBudget');
  const actual = num('actual');
  const rate = num('rate');
  if (!budget || !actual || !rate || budget.value.isZero()) return false;
  const exact = actual.value.div(budget.value).times(100);
  const printed = rate.percent || rate.value.gt(1) ? rate.value : rate.value.times(100);
  return exact.minus(printed).abs().lte(ONE_POINT);
}
