import { format as numfmt } from 'numfmt';
import { Grid, isCellError, parseAddress } from '../../../src/core/grid';

/**
 * A fake of the WPS 表格 (ET) object model that behaves like WPS where PerfCheck relies
 * on it: synchronous calls; parameterized members are methods (`Range(a1)`, `Item(r, c)`,
 * `Worksheets.Item(x)`); `Value2` is a 2-D array for a multi-cell range and a scalar for
 * one cell, with errors as COM error numbers; colours are BGR; "no fill" reads as
 * colour 0xFFFFFF with pattern and colour index xlNone, a white fill as 0xFFFFFF solid;
 * comments; protected sheets refuse every write; `Worksheets.Add` activates the new
 * sheet; very hidden sheets; formulas, the active cell and conditional formats (see
 * their members). Every member access is logged, and a workbook can be saved
 * (serialized) and reopened.
 */

const XL_NONE = -4142;
const XL_SOLID = 1;
const WHITE = 0xffffff;
/**
 * Excel's COM error numbers: 0x800A0000 + the xlErr code (CVErr values, "Cell error
 * values", learn.microsoft.com/office/vba/excel/concepts/cells-and-ranges/cell-error-values).
 */
const ERROR_CODES: Record<string, number> = {
  '#NULL!': -2146826288,
  '#DIV/0!': -2146826281,
  '#VALUE!': -2146826273,
  '#REF!': -2146826265,
  '#NAME?': -2146826259,
  '#NUM!': -2146826252,
  '#N/A': -2146826246,
};

/**
 * How multi-cell `Range.NumberFormat` and `Range.Text` answer. The default is what the
 * documentation promises and nothing more:
 * - `NumberFormat`: "如果指定区域中的所有单元格的数字格式不一致，则此属性将返回 Null"
 *   (Range.NumberFormat, learn.microsoft.com/zh-cn/office/vba/api/excel.range.numberformat,
 *   which WPS's JS API follows: its DisplayFormat.NumberFormat page on airsheet.wps.cn
 *   says the same; et-jsapi-declare 2.5.0 lib.et.d.ts types it `NumberFormat: string`);
 * - `Text`: one string, "Read-only String" (Range.Text, learn.microsoft.com ff840217;
 *   et-jsapi-declare types it `readonly Text: string | null`): the text when every
 *   cell shows the same, Null when they differ (the least generous reading).
 * `matrix` is a build that answers with one entry per cell, which nothing documents.
 */
export interface Build {
  numberFormat: 'documented' | 'matrix';
  /**
   * `Formula` of a multi-cell range: a 2-D array as Excel documents it (the default), or
   * one string, the first cell's, as et-jsapi-declare's `Formula: string` would allow.
   */
  formulaOfRange?: 'array' | 'string';
}

export const DEFAULT_BUILD: Build = { numberFormat: 'documented' };

export interface CellData {
  /** For a formula cell: its last calculated value (null: not calculated, see `Formula`). */
  value: string | number | boolean | null;
  /** The formula with its `=`, or null for a constant. */
  formula: string | null;
  /** What the cell displays, as WPS would; set by the loader, or String(value). */
  text: string;
  format: string;
  color: number;
  pattern: number;
  colorIndex: number;
  comment: { text: string; author: string } | null;
}

interface SheetData {
  name: string;
  visible: number;
  protect: boolean;
  cells: Record<string, CellData>;
  links: { anchor: string; subAddress: string; text: string }[];
  conditions: ConditionData[];
  /** The sheet's selection (each sheet keeps its own, as in WPS). */
  selected?: string;
}

/** A conditional format as the file keeps it. */
export interface ConditionData {
  /** The cells it applies to, e.g. `H10:H25`. */
  appliesTo: string;
  type: number;
  /** As given to `FormatConditions.Add`. */
  formula1: string;
  /** The cell `formula1`'s relative references are relative to: the active cell when it was added. */
  anchor: string;
  color: number | null;
}

interface BookData {
  sheets: SheetData[];
  active: number;
  protectStructure: boolean;
}

export interface Call {
  member: string;
  kind: 'get' | 'set' | 'call';
  /** Cells in the range, for Range members. */
  size: number;
  /** The address asked for, for `Worksheet.Range`. */
  detail?: string;
}

const blank = (): CellData => ({
  value: null,
  formula: null,
  text: '',
  format: 'General',
  color: WHITE,
  pattern: XL_NONE,
  colorIndex: XL_NONE,
  comment: null,
});

const key = (r: number, c: number) => `${r},${c}`;

function colName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export class FakeEt {
  readonly calls: Call[] = [];
  readonly book: BookData;
  displayAlerts = true;
  /** The selected cell (not part of a saved file). */
  selection: { sheet: string; address: string } | null = null;

  constructor(
    book: BookData,
    readonly build: Build = DEFAULT_BUILD,
  ) {
    this.book = book;
  }

  /** A workbook holding these grids, one sheet each, as a fixture file opens in WPS. */
  static fromGrids(grids: Grid[], build: Build = DEFAULT_BUILD): FakeEt {
    const sheets = grids.map((g) => {
      const cells: Record<string, CellData> = {};
      g.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell) return;
          const value = isCellError(cell.value) ? ERROR_CODES[cell.value.error] : cell.value;
          cells[key(g.top + r + 1, g.left + c + 1)] = { ...blank(), value, text: cell.text, format: cell.format ?? 'General' };
        }),
      );
      return { name: g.sheet, visible: -1, protect: false, cells, links: [], conditions: [] };
    });
    return new FakeEt({ sheets, active: 0, protectStructure: false }, build);
  }

  /** Save: the workbook as a file would keep it. */
  serialize(): string {
    // A cell back to its defaults is not stored, as in a file.
    const empty = JSON.stringify(blank());
    const sheets = this.book.sheets.map((sh) => ({
      ...sh,
      cells: Object.fromEntries(
        Object.entries(sh.cells)
          .filter(([, d]) => JSON.stringify(d) !== empty)
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    }));
    return JSON.stringify({ ...this.book, sheets });
  }

  /** What differs between two saved states, one line a difference, for readable failures. */
  static changes(before: string, after: string): string[] {
    const a = JSON.parse(before) as BookData;
    const b = JSON.parse(after) as BookData;
    const out: string[] = [];
    if (a.active !== b.active) out.push(`active ${a.active} → ${b.active}`);
    const names = new Set([...a.sheets, ...b.sheets].map((s) => s.name));
    for (const name of names) {
      const x = a.sheets.find((s) => s.name === name);
      const y = b.sheets.find((s) => s.name === name);
      if (!x || !y) {
        out.push(`sheet ${name} ${x ? 'removed' : 'added'}`);
        continue;
      }
      for (const k of ['visible', 'protect', 'links', 'conditions'] as const) {
        if (JSON.stringify(x[k]) !== JSON.stringify(y[k])) out.push(`${name} ${k}`);
      }
      for (const k of new Set([...Object.keys(x.cells), ...Object.keys(y.cells)])) {
        const p = JSON.stringify(x.cells[k] ?? null);
        const q = JSON.stringify(y.cells[k] ?? null);
        if (p !== q) out.push(`${name}[${k}] ${p} → ${q}`);
      }
    }
    return out;
  }

  /** Reopen a saved workbook (a fresh object model, an empty call log). */
  static open(saved: string, build: Build = DEFAULT_BUILD): FakeEt {
    const book = JSON.parse(saved) as BookData;
    // The selection and active cell are not part of the file.
    for (const s of book.sheets) delete s.selected;
    return new FakeEt(book, build);
  }

  /** The global `Application` an add-in page sees. */
  get application(): FakeApplication {
    return new FakeApplication(this);
  }

  /** Makes the `after`+1-th call of `member` fail, as a COM call can. */
  failAt: { member: string; kind: Call['kind']; after: number } | null = null;

  log(member: string, kind: Call['kind'], size = 0, detail?: string): void {
    this.calls.push({ member, kind, size, ...(detail === undefined ? {} : { detail }) });
    if (this.failAt && this.failAt.member === member && this.failAt.kind === kind && this.failAt.after-- === 0) throw new Error('模拟的 WPS 调用失败');
  }

  /** Calls matching a member name, e.g. `Range.Value2`. */
  count(member: string, kind?: Call['kind'], minSize = 0): number {
    return this.calls.filter((c) => c.member === member && (kind === undefined || c.kind === kind) && c.size >= minSize).length;
  }

  sheet(name: string): SheetData {
    const s = this.book.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Direct look at a cell, for assertions (not logged). */
  cell(sheet: string, a1: string): CellData {
    const { row, col } = parseAddress(a1);
    return this.sheet(sheet).cells[key(row + 1, col + 1)] ?? blank();
  }

  /** Direct edit, as the user would do by hand (not logged). */
  edit(sheet: string, a1: string, change: Partial<CellData>): void {
    const { row, col } = parseAddress(a1);
    const s = this.sheet(sheet);
    s.cells[key(row + 1, col + 1)] = { ...(s.cells[key(row + 1, col + 1)] ?? blank()), ...change };
  }

  /** A user fill, as WPS stores it when a colour is picked from the palette. */
  static fill(color: number): Partial<CellData> {
    return { color, pattern: XL_SOLID, colorIndex: color === WHITE ? 2 : 36 };
  }
}

/**
 * What a cell written through the object model shows: a number in its format, as the
 * numfmt library (ECMA-376 format codes) displays it; the fake knows no other spelling.
 */
function shown(value: CellData['value'], format: string): string {
  if (value === null) return '';
  if (typeof value !== 'number') return typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : value;
  try {
    return numfmt(format === '@' ? 'General' : format, value);
  } catch {
    return String(value);
  }
}

function protectedError(): Error {
  return new Error('您试图更改的单元格或图表受保护，因而是只读的。');
}

class FakeApplication {
  constructor(private readonly et: FakeEt) {}

  get ActiveWorkbook(): FakeWorkbook {
    this.et.log('Application.ActiveWorkbook', 'get');
    return new FakeWorkbook(this.et);
  }

  get ActiveSheet(): FakeWorksheet {
    this.et.log('Application.ActiveSheet', 'get');
    return new FakeWorksheet(this.et, this.et.book.sheets[this.et.book.active]);
  }

  /**
   * The active cell of the active sheet: its selection's top-left cell, A1 when nothing
   * was selected (Application.ActiveCell, et-jsapi-declare `readonly ActiveCell: Range`).
   */
  get ActiveCell(): FakeRange {
    this.et.log('Application.ActiveCell', 'get');
    const sheet = this.et.book.sheets[this.et.book.active];
    const p = parseAddress((sheet.selected ?? 'A1').split(':')[0]);
    return new FakeRange(this.et, sheet, p.row + 1, p.col + 1, p.row + 1, p.col + 1);
  }

  /** The active sheet's selection (Application.Selection; the fake's is always a range). */
  get Selection(): FakeRange {
    this.et.log('Application.Selection', 'get');
    const sheet = this.et.book.sheets[this.et.book.active];
    const [a, b] = (sheet.selected ?? 'A1').split(':');
    const p = parseAddress(a);
    const q = parseAddress(b ?? a);
    return new FakeRange(this.et, sheet, p.row + 1, p.col + 1, q.row + 1, q.col + 1);
  }

  get DisplayAlerts(): boolean {
    this.et.log('Application.DisplayAlerts', 'get');
    return this.et.displayAlerts;
  }

  set DisplayAlerts(v: boolean) {
    this.et.log('Application.DisplayAlerts', 'set');
    this.et.displayAlerts = v;
  }
}

class FakeWorkbook {
  constructor(private readonly et: FakeEt) {}

  get Worksheets(): FakeWorksheets {
    this.et.log('Workbook.Worksheets', 'get');
    return new FakeWorksheets(this.et);
  }

  /** Workbook.ProtectStructure (et-jsapi-declare: `readonly ProtectStructure: boolean`). */
  get ProtectStructure(): boolean {
    this.et.log('Workbook.ProtectStructure', 'get');
    return this.et.book.protectStructure;
  }
}

class FakeWorksheets {
  constructor(private readonly et: FakeEt) {}

  get Count(): number {
    this.et.log('Worksheets.Count', 'get');
    return this.et.book.sheets.length;
  }

  Item(x: number | string): FakeWorksheet {
    this.et.log('Worksheets.Item', 'call');
    const s = typeof x === 'number' ? this.et.book.sheets[x - 1] : this.et.book.sheets.find((d) => d.name === x);
    if (!s) throw new Error('下标越界');
    return new FakeWorksheet(this.et, s);
  }

  Add(before?: FakeWorksheet, after?: FakeWorksheet): FakeWorksheet {
    this.et.log('Worksheets.Add', 'call');
    const book = this.et.book;
    if (book.protectStructure) throw new Error('工作簿受保护，不能更改。');
    let n = book.sheets.length + 1;
    while (book.sheets.some((s) => s.name === `Sheet${n}`)) n++;
    const data: SheetData = { name: `Sheet${n}`, visible: -1, protect: false, cells: {}, links: [], conditions: [] };
    const at = after ? book.sheets.indexOf(after.data) + 1 : before ? book.sheets.indexOf(before.data) : book.active;
    book.sheets.splice(at, 0, data);
    book.active = at;
    return new FakeWorksheet(this.et, data);
  }
}

class FakeWorksheet {
  constructor(
    private readonly et: FakeEt,
    readonly data: SheetData,
  ) {}

  private alive(): void {
    if (!this.et.book.sheets.includes(this.data)) throw new Error('对象已被删除');
  }

  get Name(): string {
    this.et.log('Worksheet.Name', 'get');
    this.alive();
    return this.data.name;
  }

  set Name(v: string) {
    this.et.log('Worksheet.Name', 'set');
    if (this.et.book.sheets.some((s) => s !== this.data && s.name === v)) throw new Error('工作表名称已存在');
    this.data.name = v;
  }

  get Visible(): number {
    this.et.log('Worksheet.Visible', 'get');
    return this.data.visible;
  }

  set Visible(v: number) {
    this.et.log('Worksheet.Visible', 'set');
    this.data.visible = v;
  }

  get ProtectContents(): boolean {
    this.et.log('Worksheet.ProtectContents', 'get');
    return this.data.protect;
  }

  Activate(): void {
    this.et.log('Worksheet.Activate', 'call');
    this.alive();
    if (this.data.visible !== -1) throw new Error('不能激活隐藏的工作表');
    this.et.book.active = this.et.book.sheets.indexOf(this.data);
  }

  Delete(): void {
    this.et.log('Worksheet.Delete', 'call');
    const book = this.et.book;
    if (book.protectStructure) throw new Error('工作簿受保护，不能更改。');
    if (this.et.displayAlerts) throw new Error('测试中不应弹出删除确认框：请先关闭 DisplayAlerts');
    const at = book.sheets.indexOf(this.data);
    const active = book.sheets[book.active];
    book.sheets.splice(at, 1);
    book.active = Math.max(0, book.sheets.indexOf(active));
  }

  get UsedRange(): FakeRange {
    this.et.log('Worksheet.UsedRange', 'get');
    let r1 = Infinity,
      c1 = Infinity,
      r2 = 0,
      c2 = 0;
    for (const [k, cell] of Object.entries(this.data.cells)) {
      if (cell.value === null && cell.formula === null && cell.format === 'General' && cell.pattern === XL_NONE && !cell.comment) continue;
      const [r, c] = k.split(',').map(Number);
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
    return r2 === 0 ? new FakeRange(this.et, this.data, 1, 1, 1, 1) : new FakeRange(this.et, this.data, r1, c1, r2, c2);
  }

  /**
   * `Range("A1:B2")`, or a union `Range("E6:E9,E15")` (areas separated by commas, as in
   * Excel: learn.microsoft.com/office/vba/api/excel.worksheet.range). An address longer
   * than 255 characters fails, the least generous reading of KB 213841 ("Passed strings
   * longer than 255 characters are truncated").
   */
  Range(address: string): FakeRange | FakeUnion {
    this.et.log('Worksheet.Range', 'call', 0, address);
    if (address.length > 255) throw new Error('运行时错误 1004：地址超过 255 个字符');
    const areas = address.split(',').map((part) => {
      const [a, b] = part.split(':');
      const p = parseAddress(a);
      const q = parseAddress(b ?? a);
      return new FakeRange(this.et, this.data, p.row + 1, p.col + 1, q.row + 1, q.col + 1);
    });
    return areas.length === 1 ? areas[0] : new FakeUnion(this.et, areas);
  }

  get Cells(): FakeRange {
    this.et.log('Worksheet.Cells', 'get');
    return new FakeRange(this.et, this.data, 1, 1, 1048576, 16384);
  }

  get Hyperlinks(): FakeHyperlinks {
    this.et.log('Worksheet.Hyperlinks', 'get');
    return new FakeHyperlinks(this.et, this.data);
  }
}

class FakeHyperlinks {
  constructor(
    private readonly et: FakeEt,
    private readonly sheet: SheetData,
  ) {}

  Add(anchor: FakeRange, address: string, subAddress: string, _tip: string, text: string): void {
    this.et.log('Hyperlinks.Add', 'call');
    if (this.sheet.protect) throw protectedError();
    if (address !== '') throw new Error('PerfCheck links only inside the workbook');
    this.sheet.links.push({ anchor: anchor.address, subAddress, text });
    anchor.put(anchor.r1, anchor.c1, { value: text, text });
  }
}

class FakeRange {
  constructor(
    private readonly et: FakeEt,
    private readonly sheet: SheetData,
    readonly r1: number,
    readonly c1: number,
    readonly r2: number,
    readonly c2: number,
  ) {}

  get size(): number {
    return (this.r2 - this.r1 + 1) * (this.c2 - this.c1 + 1);
  }

  get address(): string {
    const a = `${colName(this.c1)}${this.r1}`;
    return this.size === 1 ? a : `${a}:${colName(this.c2)}${this.r2}`;
  }

  private log(member: string, kind: Call['kind']): void {
    this.et.log(`Range.${member}`, kind, this.size);
  }

  at(r: number, c: number): CellData {
    return this.sheet.cells[key(r, c)] ?? blank();
  }

  put(r: number, c: number, change: Partial<CellData>): void {
    if (this.sheet.protect) throw protectedError();
    this.sheet.cells[key(r, c)] = { ...this.at(r, c), ...change };
  }

  /** Existing cells inside the range (a whole-sheet range is not walked cell by cell). */
  private stored(): [number, number, CellData][] {
    return Object.entries(this.sheet.cells)
      .map(([k, d]) => [...k.split(',').map(Number), d] as [number, number, CellData])
      .filter(([r, c]) => r >= this.r1 && r <= this.r2 && c >= this.c1 && c <= this.c2);
  }

  private matrix<T>(at: (d: CellData) => T): T | T[][] {
    if (this.size === 1) return at(this.at(this.r1, this.c1));
    const out: T[][] = [];
    for (let r = this.r1; r <= this.r2; r++) {
      const row: T[] = [];
      for (let c = this.c1; c <= this.c2; c++) row.push(at(this.at(r, c)));
      out.push(row);
    }
    return out;
  }

  get Row(): number {
    this.log('Row', 'get');
    return this.r1;
  }

  get Column(): number {
    this.log('Column', 'get');
    return this.c1;
  }

  get Count(): number {
    this.log('Count', 'get');
    return this.size;
  }

  get Rows(): { Count: number } {
    this.log('Rows', 'get');
    return { Count: this.r2 - this.r1 + 1 };
  }

  get Columns(): { Count: number } {
    this.log('Columns', 'get');
    return { Count: this.c2 - this.c1 + 1 };
  }

  /**
   * A 2-D array for a multi-cell range, the value itself for one cell (Range.Value2,
   * learn.microsoft.com/office/vba/api/excel.range.value2; et-jsapi-declare types it
   * `string | Array<any>`).
   */
  get Value2(): unknown {
    this.log('Value2', 'get');
    // An empty cell comes over as undefined, like an empty COM variant.
    return this.matrix((d) => (d.value === null ? undefined : d.value));
  }

  set Value2(v: unknown) {
    this.log('Value2', 'set');
    const rows = this.size === 1 && !Array.isArray(v) ? [[v]] : (v as unknown[][]);
    rows.forEach((row, i) => row.forEach((x, j) => this.type(this.r1 + i, this.c1 + j, x)));
  }

  /**
   * A value put into a cell is taken as if typed, the least generous reading of Value2
   * ("Range.Value2", learn.microsoft.com/office/vba/api/excel.range.value2, sets the
   * cell as entered): in a cell not formatted as text (`@`), a string that looks like a
   * number becomes the number and one starting with `=` a formula; a leading apostrophe
   * keeps the rest as text (Range.PrefixCharacter) and is not part of the value.
   */
  private type(r: number, c: number, x: unknown): void {
    const asText = this.at(r, c).format === '@';
    if (typeof x === 'string' && x.startsWith("'")) return this.put(r, c, { value: x.slice(1), formula: null, text: x.slice(1) });
    if (typeof x === 'string' && !asText && x.startsWith('=') && x.length > 1) return this.put(r, c, { value: null, formula: x, text: '' });
    const value = typeof x === 'string' && !asText && /^-?\d+(\.\d+)?$/.test(x) ? Number(x) : (x as CellData['value']);
    this.put(r, c, { value: value ?? null, formula: null, text: shown(value ?? null, this.at(r, c).format) });
  }

  /**
   * The cell's formula with its `=`; a constant's value as text, '' for a blank
   * (Range.Formula, learn.microsoft.com/office/vba/api/excel.range.formula: "If the cell
   * contains a constant, this property returns the constant"; et-jsapi-declare
   * `Formula: string`). Setting it is typing: `=…` makes a formula. The fake does not
   * calculate: a formula it is given has no value (Value2 blank) until a test sets one,
   * the least generous answer for a value nothing here computed. A multi-cell range reads
   * and takes a 2-D array, one element a cell ("If the range is a one- or two-dimensional
   * range, you can set the formula to a Visual Basic array of the same dimensions.
   * Similarly, you can put the formula into a Visual Basic array", same page); one
   * string set on a multi-cell range goes into every cell unshifted, so PerfCheck must
   * not rely on Excel's adjusting of relative references there.
   */
  get Formula(): unknown {
    this.log('Formula', 'get');
    if (this.size > 1 && this.et.build.formulaOfRange === 'string') return this.first().formula ?? (this.first().value === null ? '' : String(this.first().value));
    return this.matrix((d) => d.formula ?? (d.value === null ? '' : String(d.value)));
  }

  set Formula(v: unknown) {
    this.log('Formula', 'set');
    if (Array.isArray(v)) {
      if (v.length !== this.r2 - this.r1 + 1 || v.some((row) => !Array.isArray(row) || row.length !== this.c2 - this.c1 + 1)) throw new Error('运行时错误 1004：数组与区域大小不符');
      (v as unknown[][]).forEach((row, i) => row.forEach((x, j) => this.type(this.r1 + i, this.c1 + j, x)));
      return;
    }
    for (const [r, c] of this.cellsOf()) this.type(r, c, v);
  }

  /** Whether the cell holds a formula (Range.HasFormula; Null for a range mixing both). */
  get HasFormula(): boolean | null {
    this.log('HasFormula', 'get');
    const all = new Set(this.cellsOf().map(([r, c]) => this.at(r, c).formula !== null));
    return all.size === 1 ? [...all][0] : null;
  }

  /** `Address(RowAbsolute = true, ColumnAbsolute = true)`: `$H$6` by default, as in Excel. */
  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.log('Address', 'call');
    const one = (r: number, c: number) => `${columnAbsolute ? '$' : ''}${colName(c)}${rowAbsolute ? '$' : ''}${r}`;
    return this.size === 1 ? one(this.r1, this.c1) : `${one(this.r1, this.c1)}:${one(this.r2, this.c2)}`;
  }

  get Worksheet(): FakeWorksheet {
    this.log('Worksheet', 'get');
    return new FakeWorksheet(this.et, this.sheet);
  }

  /**
   * The sheet's conditional formats that apply to any cell of this range (Range.
   * FormatConditions, "all the conditional formats for the specified range"; the
   * least generous reading includes a rule over a larger range).
   */
  get FormatConditions(): FakeFormatConditions {
    this.log('FormatConditions', 'get');
    return new FakeFormatConditions(this.et, this.sheet, this);
  }

  overlaps(address: string): boolean {
    const [a, b] = address.split(':');
    const p = parseAddress(a);
    const q = parseAddress(b ?? a);
    return p.row + 1 <= this.r2 && q.row + 1 >= this.r1 && p.col + 1 <= this.c2 && q.col + 1 >= this.c1;
  }

  /** One string for the range, Null when its cells show different texts (see Build). */
  get Text(): string | null {
    this.log('Text', 'get');
    return this.uniform((d) => d.text);
  }

  /** One format code for the range, Null when its cells' formats differ (see Build). */
  get NumberFormat(): unknown {
    this.log('NumberFormat', 'get');
    if (this.size > 1 && this.et.build.numberFormat === 'matrix') return this.matrix((d) => d.format);
    return this.uniform((d) => d.format);
  }

  /** The value every cell of the range shares, or null. */
  private uniform(at: (d: CellData) => string): string | null {
    const all = new Set(this.cellsOf().map(([r, c]) => at(this.at(r, c))));
    return all.size === 1 ? [...all][0] : null;
  }

  set NumberFormat(v: string) {
    this.log('NumberFormat', 'set');
    for (let r = this.r1; r <= this.r2; r++) for (let c = this.c1; c <= this.c2; c++) this.put(r, c, { format: v, text: shown(this.at(r, c).value, v) });
  }

  get Interior(): FakeInterior {
    this.log('Interior', 'get');
    return new FakeInterior(this.et, this);
  }

  cellsOf(): [number, number][] {
    const out: [number, number][] = [];
    for (let r = this.r1; r <= this.r2; r++) for (let c = this.c1; c <= this.c2; c++) out.push([r, c]);
    return out;
  }

  first(): CellData {
    return this.at(this.r1, this.c1);
  }

  get Comment(): FakeComment | null {
    this.log('Comment', 'get');
    return this.first().comment ? new FakeComment(this.et, this) : null;
  }

  AddComment(text: string): FakeComment {
    this.log('AddComment', 'call');
    if (this.first().comment) throw new Error('单元格已有批注');
    this.put(this.r1, this.c1, { comment: { text, author: 'PerfCheck' } });
    return new FakeComment(this.et, this);
  }

  Item(r: number, c: number): FakeRange {
    this.log('Item', 'call');
    const row = this.r1 + r - 1;
    const col = this.c1 + c - 1;
    return new FakeRange(this.et, this.sheet, row, col, row, col);
  }

  Select(): void {
    this.log('Select', 'call');
    if (this.et.book.sheets[this.et.book.active] !== this.sheet) throw new Error('只能选择活动工作表上的单元格');
    this.et.selection = { sheet: this.sheet.name, address: this.address };
    this.sheet.selected = this.address;
  }

  ClearContents(): void {
    this.log('ClearContents', 'call');
    if (this.sheet.protect) throw protectedError();
    for (const [r, c] of this.stored()) this.put(r, c, { value: null, formula: null, text: '' });
  }

  Clear(): void {
    this.log('Clear', 'call');
    if (this.sheet.protect) throw protectedError();
    for (const [r, c] of this.stored()) delete this.sheet.cells[key(r, c)];
    this.sheet.links = this.sheet.links.filter((l) => {
      const p = parseAddress(l.anchor);
      return !(p.row + 1 >= this.r1 && p.row + 1 <= this.r2 && p.col + 1 >= this.c1 && p.col + 1 <= this.c2);
    });
  }
}

/**
 * A range of several areas. Only what PerfCheck uses of one is modelled: its
 * `NumberFormat`, one string when every cell of every area has the same format, else
 * Null (Range.NumberFormat, as for one area), set on every cell; its `HasFormula`; any
 * other member is missing.
 */
class FakeUnion {
  constructor(
    private readonly et: FakeEt,
    private readonly areas: FakeRange[],
  ) {}

  private get size(): number {
    return this.areas.reduce((n, a) => n + a.size, 0);
  }

  get NumberFormat(): string | null {
    this.et.log('Range.NumberFormat', 'get', this.size);
    const all = new Set(this.areas.flatMap((a) => a.cellsOf().map(([r, c]) => a.at(r, c).format)));
    return all.size === 1 ? [...all][0] : null;
  }

  /** Sets every cell of every area ("Returns or sets", Range.NumberFormat, as for one area). */
  set NumberFormat(v: string) {
    this.et.log('Range.NumberFormat', 'set', this.size);
    for (const a of this.areas) for (const [r, c] of a.cellsOf()) a.put(r, c, { format: v, text: shown(a.at(r, c).value, v) });
  }

  /**
   * True when every cell of every area holds a formula, false when none does, Null
   * otherwise (Range.HasFormula, learn.microsoft.com/office/vba/api/excel.range.hasformula;
   * et-jsapi-declare `HasFormula: boolean | null`).
   */
  get HasFormula(): boolean | null {
    this.et.log('Range.HasFormula', 'get', this.size);
    const all = new Set(this.areas.flatMap((a) => a.cellsOf().map(([r, c]) => a.at(r, c).formula !== null)));
    return all.size === 1 ? [...all][0] : null;
  }
}

class FakeInterior {
  constructor(
    private readonly et: FakeEt,
    private readonly range: FakeRange,
  ) {}

  private read<K extends 'color' | 'pattern' | 'colorIndex'>(k: K): number | null {
    const all = new Set(this.range.cellsOf().map(([r, c]) => this.range.at(r, c)[k]));
    return all.size === 1 ? [...all][0] : null;
  }

  private write(change: (d: CellData) => Partial<CellData>): void {
    for (const [r, c] of this.range.cellsOf()) this.range.put(r, c, change(this.range.at(r, c)));
  }

  get Color(): number | null {
    this.et.log('Interior.Color', 'get');
    return this.read('color');
  }

  set Color(v: number) {
    this.et.log('Interior.Color', 'set');
    // Choosing a colour gives a cell without fill a solid fill; WPS maps it to the nearest palette index.
    this.write((d) => ({ color: v, pattern: d.pattern === XL_NONE ? XL_SOLID : d.pattern, colorIndex: v === WHITE ? 2 : 36 }));
  }

  get Pattern(): number | null {
    this.et.log('Interior.Pattern', 'get');
    return this.read('pattern');
  }

  set Pattern(v: number) {
    this.et.log('Interior.Pattern', 'set');
    this.write((d) => (v === XL_NONE ? { pattern: XL_NONE, colorIndex: XL_NONE, color: WHITE } : { pattern: v, colorIndex: d.colorIndex === XL_NONE ? 2 : d.colorIndex }));
  }

  get ColorIndex(): number | null {
    this.et.log('Interior.ColorIndex', 'get');
    return this.read('colorIndex');
  }

  set ColorIndex(v: number) {
    this.et.log('Interior.ColorIndex', 'set');
    if (v !== XL_NONE) throw new Error('the fake only supports clearing the fill through ColorIndex');
    this.write(() => ({ pattern: XL_NONE, colorIndex: XL_NONE, color: WHITE }));
  }
}

class FakeComment {
  constructor(
    private readonly et: FakeEt,
    private readonly range: FakeRange,
  ) {}

  /** Like ET: `Text()` reads; `Text(text)` without a start position replaces the text. */
  Text(text?: string): string {
    this.et.log('Comment.Text', 'call');
    const c = this.range.first().comment;
    if (!c) throw new Error('批注已删除');
    if (text !== undefined) this.range.put(this.range.r1, this.range.c1, { comment: { ...c, text } });
    return this.range.first().comment!.text;
  }

  get Author(): string {
    this.et.log('Comment.Author', 'get');
    return this.range.first().comment?.author ?? '';
  }

  Delete(): void {
    this.et.log('Comment.Delete', 'call');
    this.range.put(this.range.r1, this.range.c1, { comment: null });
  }
}

/**
 * A range's conditional formats (FormatConditions: `Count`, `Item(i)` 1-based,
 * `Add(Type, Operator?, Formula1?)`, et-jsapi-declare lib.et.d.ts). A relative reference
 * in `Formula1` is taken relative to the active cell, when adding and when reading back
 * (learn.microsoft.com/office/troubleshoot/excel/conditional-formatting-set-incorrectly,
 * KB 895562): the fake records that cell as the rule's anchor, and since it does not
 * shift references, reading `Formula1` with another active cell fails.
 */
class FakeFormatConditions {
  constructor(
    private readonly et: FakeEt,
    private readonly sheet: SheetData,
    private readonly range: FakeRange,
  ) {}

  private list(): ConditionData[] {
    return this.sheet.conditions.filter((d) => this.range.overlaps(d.appliesTo));
  }

  get Count(): number {
    this.et.log('FormatConditions.Count', 'get');
    return this.list().length;
  }

  Item(i: number): FakeFormatCondition {
    this.et.log('FormatConditions.Item', 'call');
    const d = this.list()[i - 1];
    if (!d) throw new Error('下标越界');
    return new FakeFormatCondition(this.et, this.sheet, d);
  }

  Add(type: number, _operator?: unknown, formula1?: string): FakeFormatCondition {
    this.et.log('FormatConditions.Add', 'call');
    if (this.sheet.protect) throw protectedError();
    if (type !== 2 || typeof formula1 !== 'string' || !formula1.startsWith('=')) throw new Error('the fake models expression rules only');
    const d: ConditionData = { appliesTo: this.range.address, type, formula1, anchor: activeCellOf(this.et), color: null };
    this.sheet.conditions.push(d);
    return new FakeFormatCondition(this.et, this.sheet, d);
  }
}

function activeCellOf(et: FakeEt): string {
  const sheet = et.book.sheets[et.book.active];
  return `${sheet.name}!${(sheet.selected ?? 'A1').split(':')[0]}`;
}

class FakeFormatCondition {
  constructor(
    private readonly et: FakeEt,
    private readonly sheet: SheetData,
    private readonly data: ConditionData,
  ) {}

  private alive(): void {
    if (!this.sheet.conditions.includes(this.data)) throw new Error('条件格式已删除');
  }

  get Type(): number {
    this.et.log('FormatCondition.Type', 'get');
    this.alive();
    return this.data.type;
  }

  get Formula1(): string {
    this.et.log('FormatCondition.Formula1', 'get');
    this.alive();
    if (activeCellOf(this.et) !== this.data.anchor) throw new Error(`the fake cannot shift Formula1 from ${this.data.anchor} to ${activeCellOf(this.et)}`);
    return this.data.formula1;
  }

  get AppliesTo(): FakeRange {
    this.et.log('FormatCondition.AppliesTo', 'get');
    this.alive();
    const [a, b] = this.data.appliesTo.split(':');
    const p = parseAddress(a);
    const q = parseAddress(b ?? a);
    return new FakeRange(this.et, this.sheet, p.row + 1, p.col + 1, q.row + 1, q.col + 1);
  }

  /** The rule's fill: Interior.Color (BGR), null until set. */
  get Interior(): { Color: number | null } {
    this.et.log('FormatCondition.Interior', 'get');
    this.alive();
    const { et, sheet, data } = this;
    return {
      get Color() {
        et.log('FormatCondition.Interior.Color', 'get');
        return data.color;
      },
      set Color(v: number | null) {
        et.log('FormatCondition.Interior.Color', 'set');
        if (sheet.protect) throw protectedError();
        data.color = v;
      },
    };
  }

  Delete(): void {
    this.et.log('FormatCondition.Delete', 'call');
    this.alive();
    if (this.sheet.protect) throw protectedError();
    this.sheet.conditions.splice(this.sheet.conditions.indexOf(this.data), 1);
  }
}
