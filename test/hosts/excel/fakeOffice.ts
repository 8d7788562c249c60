/**
 * A fake of the Office.js Excel API, following its semantics closely enough that the
 * Excel host can be tested without Excel. Where the documentation allows several
 * answers, the fake gives the least generous one.
 * - proxies queue commands; nothing reaches the workbook before `context.sync()`;
 * - reading a property that was not loaded and synced throws PropertyNotLoaded, and
 *   loaded values are those of the moment of the sync;
 * - commands run in order at sync; a failing one (a write to a protected sheet, a
 *   missing sheet, or any command picked with `failCommand`) rejects the sync, and the
 *   commands before it stay applied. The batch runs in order up to the error
 *   (OfficeExtension.Error.traceMessages "contains all trace messages that were executed
 *   before the error occurred", https://learn.microsoft.com/javascript/api/office/officeextension.error)
 *   and nothing documents a rollback, so the least generous reading is none;
 * - `connectionLost` makes every sync reject before anything is applied;
 * - two version switches, as in real Excel: `excelApi` is what Excel reports through
 *   `isSetSupported` (and which calls Excel itself accepts), `library` is what the
 *   loaded office.js defines: a class or property the library lacks is simply absent
 *   (`worksheet.notes` is undefined in the @microsoft/office-js 1.1.110 copy, which stops
 *   at ExcelApi 1.15 — test/hosts/excel/officeLibrary.test.ts reads it);
 * - request and response bytes are counted per sync (`payloads`) and a sync above
 *   5 MB either way is rejected, as Excel on the web does (resource limits page, see
 *   src/hosts/excel/payload.ts): a request before anything is applied, a response after;
 * - workbook structure protection refuses adding, hiding and deleting sheets;
 * - what is set through `values` and `formulas` is taken as typed (see `enterInto`), and a
 *   formula is not calculated: its value stays unknown (blank) in the fake;
 * - a cell's displayed text is its number formatted by its format code (numfmt, the
 *   library the engine itself uses for format codes) unless the fixture gave one;
 * - conditional formats are kept per sheet, newest first, as ConditionalFormatCollection.add
 *   puts them ("at the first/top priority", ExcelApi 1.6);
 * - the workbook state is plain data, so `save()`/`open()` simulate closing and reopening.
 */
import { format as formatNumber } from 'numfmt';
import { Cell, CellValue, columnName, Grid, isCellError, parseAddress } from '../../../src/core/grid';
import { ExcelApi } from '../../../src/hosts/excel/excelApi';

export interface FakeFill {
  color: string;
  pattern: string | null;
  patternColor: string | null;
  tintAndShade: number | null;
  patternTintAndShade: number | null;
}

/** What Excel reports for a cell with no fill: white, but no tint (OfficeDev/office-js#4900). */
export const NO_FILL: FakeFill = { color: '#FFFFFF', pattern: null, patternColor: null, tintAndShade: null, patternTintAndShade: null };

export function solidFill(color: string): FakeFill {
  return { color, pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
}

export interface FakeCell {
  value: string | number | boolean | null;
  error?: string;
  text?: string;
  format?: string;
  fill?: FakeFill;
  note?: string | null;
  comment?: { content: string; author: string } | null;
  hyperlink?: { documentReference?: string; textToDisplay?: string } | null;
  bold?: boolean;
  /** With its `=`; the cell's value is then unknown (the fake does not calculate). */
  formula?: string;
}

/** A conditional format as Excel keeps it: over one or more ranges (`G13:G19` or `A1:A5,C1:C5`). */
export interface FakeConditionalFormat {
  id: string;
  range: string;
  type: 'Custom' | 'CellValue' | 'DataBar';
  formula: string | null;
  fill: string | null;
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  /** Keyed `row,col`, zero-based. */
  cells: Record<string, FakeCell>;
  frozenRows?: number;
  conditionalFormats?: FakeConditionalFormat[];
}

export interface FakeWorkbookState {
  sheets: FakeSheet[];
  active: string;
  selection: { sheet: string; address: string } | null;
  structureProtected: boolean;
}

const MAX_ROWS = 1048576;
/**
 * "Excel on the web has a payload size limit for requests and responses of 5MB"
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * Least generous reading: 5,000,000 bytes, not 5 MiB.
 */
export const PAYLOAD_LIMIT = 5_000_000;
/**
 * Request bytes of one action or object path in the JSON that Office.js sends (ids,
 * type, name, parent): about 80–100 bytes each in real requests.
 */
const ACTION_BYTES = 100;
/** Response bytes around each loaded property (id, name, separators). */
const PROPERTY_BYTES = 20;

/**
 * Where each Excel class came in (https://learn.microsoft.com/javascript/api/excel/excel.notecollection:
 * "API set: ExcelApi 1.18"; excel.commentcollection: ExcelApi 1.10; excel.workbookprotection:
 * ExcelApi 1.7). `hasClass` answers for the loaded library only from this table.
 */
const CLASS_SETS: ReadonlyMap<string, string> = new Map([
  ['NoteCollection', '1.18'],
  ['CommentCollection', '1.10'],
  ['WorkbookProtection', '1.7'],
]);

export interface SyncPayload {
  request: number;
  response: number;
  /** The error code when Excel refused the sync for its size. */
  rejected?: string;
}
const MAX_COLS = 16384;

export class OfficeError extends Error {
  name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function parseArea(address: string): Area {
  const [a, b] = address.split(':');
  const p = parseAddress(a);
  const q = b ? parseAddress(b) : p;
  return { row: p.row, col: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

function areaAddress(a: Area): string {
  const first = `${columnName(a.col)}${a.row + 1}`;
  return a.rows === 1 && a.cols === 1 ? first : `${first}:${columnName(a.col + a.cols - 1)}${a.row + a.rows}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export class FakeExcel {
  syncs = 0;
  connectionLost = false;
  /** Highest ExcelApi version Excel reports and accepts. */
  excelApi = '1.18';
  /** Highest ExcelApi version the loaded office.js defines ('1.15': the npm copy). */
  library = '1.18';
  /** Bytes of each sync, in order. */
  payloads: SyncPayload[] = [];
  /** Commands run so far, across syncs; `failCommand` counts with it. */
  commandsRun = 0;
  private failing: { at: number; code: string } | null = null;
  state: FakeWorkbookState;

  constructor(state?: FakeWorkbookState) {
    this.state = state ?? { sheets: [], active: '', selection: null, structureProtected: false };
  }

  /** Builds a workbook from grids (e.g. a fixture read with readXlsx). */
  static fromGrids(grids: Grid[]): FakeExcel {
    const fake = new FakeExcel();
    for (const g of grids) fake.addSheet(g.sheet, g);
    return fake;
  }

  addSheet(name: string, grid?: Grid): FakeSheet {
    const sheet: FakeSheet = { name, visibility: 'Visible', protected: false, cells: {} };
    grid?.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell) sheet.cells[`${grid.top + r},${grid.left + c}`] = fakeCellOf(cell);
      }),
    );
    this.state.sheets.push(sheet);
    if (!this.state.active) this.state.active = name;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** The stored cell (created empty when absent) — for arranging and asserting. */
  cell(sheet: string, address: string): FakeCell {
    const { row, col } = parseAddress(address);
    const cells = this.sheet(sheet).cells;
    return (cells[`${row},${col}`] ??= { value: null });
  }

  /** The whole workbook as a file would keep it. */
  save(): string {
    return JSON.stringify(this.state);
  }

  static open(saved: string): FakeExcel {
    return new FakeExcel(JSON.parse(saved) as FakeWorkbookState);
  }

  /**
   * Makes the command run as number `at` (1-based, counted by `commandsRun` across
   * syncs) fail with `code`: the commands before it stay applied, it and the rest of its
   * batch do not run.
   */
  failCommand(at: number, code = 'GeneralException'): void {
    this.failing = { at, code };
  }

  /** Called by the context for each command it runs. */
  countCommand(): void {
    this.commandsRun++;
    if (this.failing && this.commandsRun === this.failing.at) {
      const { code } = this.failing;
      this.failing = null;
      throw new OfficeError(code, `Injected failure of command ${this.commandsRun}.`);
    }
  }

  api(): ExcelApi {
    return {
      run: async (batch) => batch(new FakeContext(this) as unknown as Excel.RequestContext),
      isSetSupported: (name, version) => name === 'ExcelApi' && compareVersions(version, this.excelApi) <= 0,
      hasClass: (name) => {
        const set = CLASS_SETS.get(name);
        if (!set) throw new Error(`fake: no requirement set known for Excel.${name}`);
        return compareVersions(set, this.library) <= 0;
      },
    };
  }

  /** Whether the loaded library defines what came in `version`. */
  libraryHas(version: string): boolean {
    return compareVersions(version, this.library) <= 0;
  }

  /** Whether Excel itself accepts calls of `version`. */
  excelHas(version: string): boolean {
    return compareVersions(version, this.excelApi) <= 0;
  }
}

function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

function fakeCellOf(cell: Cell): FakeCell {
  const v: CellValue = cell.value;
  if (isCellError(v)) return { value: null, error: v.error, text: cell.text, format: cell.format };
  return { value: v, text: cell.text, format: cell.format };
}

type Command = () => void;

/** UTF-8 bytes of a value's JSON. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
}

class FakeContext {
  readonly workbook: FakeWorkbook;
  private queue: Command[] = [];
  private requestBytes = 0;
  private responseBytes = 0;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }
  /** `bytes`: the JSON of the command's arguments, on top of the action itself. */
  enqueue(command: Command, bytes = 0): void {
    this.queue.push(command);
    this.requestBytes += ACTION_BYTES + bytes;
  }
  /** A new proxy: its object path travels with the next request. */
  addPath(): void {
    this.requestBytes += ACTION_BYTES;
  }
  addResponse(value: unknown): void {
    this.responseBytes += PROPERTY_BYTES + jsonBytes(value);
  }
  async sync(): Promise<void> {
    this.excel.syncs++;
    const commands = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    if (this.excel.connectionLost) throw new OfficeError('ConnectionFailure', 'The connection to Excel was lost.');
    const payload: SyncPayload = { request, response: 0 };
    this.excel.payloads.push(payload);
    if (request > PAYLOAD_LIMIT) {
      payload.rejected = 'RequestPayloadSizeLimitExceeded';
      throw new OfficeError(payload.rejected, `The request payload (${request} bytes) exceeds the limit.`);
    }
    try {
      for (const command of commands) {
        this.excel.countCommand();
        command();
      }
      payload.response = this.responseBytes;
      if (payload.response > PAYLOAD_LIMIT) {
        payload.rejected = 'ResponsePayloadSizeLimitExceeded';
        throw new OfficeError(payload.rejected, `The response payload (${payload.response} bytes) exceeds the limit.`);
      }
    } finally {
      // A cell with nothing in it is not stored, in Excel as here.
      for (const sheet of this.excel.state.sheets)
        for (const [key, cell] of Object.entries(sheet.cells))
          if (Object.entries(cell).every(([k, v]) => (k === 'value' ? v === null : v === undefined))) delete sheet.cells[key];
    }
  }
  get state(): FakeWorkbookState {
    return this.excel.state;
  }
}

/** Base of every proxy: properties readable only once loaded and synced. */
class ClientObject {
  private loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;
  constructor(readonly context: FakeContext) {
    context.addPath();
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new OfficeError('PropertyNotLoaded', `The property '${prop}' is not available. Call load and context.sync() before reading it.`);
    return this.loaded.get(prop) as T;
  }
  /** At sync: records a value as loaded. */
  setLoaded(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
    this.context.addResponse(value);
  }
  setNull(isNull: boolean): void {
    this.nullObject = isNull;
  }
  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw new OfficeError('PropertyNotLoaded', 'isNullObject is only known after load and sync.');
    return this.nullObject;
  }
}

function splitProps(props: string | string[]): string[] {
  return (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim()).filter(Boolean);
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeProtection;
  private readonly commentCollection: FakeCommentCollection;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.protection = new FakeProtection(context, () => context.state.structureProtected);
    this.commentCollection = new FakeCommentCollection(context);
  }
  /** "Gets the currently active cell from the workbook" (ExcelApi 1.7): the top-left cell of the selection. */
  getActiveCell(): FakeRange {
    const state = this.context.state;
    const sheet = this.worksheets.getActiveWorksheet();
    return new FakeRange(
      this.context,
      sheet,
      () => {
        requireExcelApi(this.context, '1.7');
        const selected = state.selection && state.selection.sheet === state.active ? parseArea(state.selection.address) : null;
        return selected ? { row: selected.row, col: selected.col, rows: 1, cols: 1 } : { row: 0, col: 0, rows: 1, cols: 1 };
      },
      false,
    );
  }
  /** Absent from a library older than ExcelApi 1.10, as the property is not defined there. */
  get comments(): FakeCommentCollection | undefined {
    return this.context.excel.libraryHas('1.10') ? this.commentCollection : undefined;
  }
}

class FakeProtection extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly value: () => boolean,
  ) {
    super(context);
  }
  get protected(): boolean {
    return this.read('protected');
  }
  load(_props: string): this {
    this.context.enqueue(() => this.setLoaded('protected', this.value()));
    return this;
  }
  loadNow(): void {
    this.setLoaded('protected', this.value());
  }
}

type SheetResolver = () => FakeSheet | null;

/**
 * A protected workbook structure forbids inserting, deleting, hiding and unhiding sheets
 * (Excel's "Protect workbook" → Structure; WorkbookProtection.protected,
 * https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection).
 */
function refuseIfStructureProtected(state: FakeWorkbookState): void {
  if (state.structureProtected) throw new OfficeError('AccessDenied', 'The workbook structure is protected.');
}

class FakeWorksheetCollection extends ClientObject {
  private loadedItems: FakeWorksheet[] | undefined;
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw new OfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.loadedItems;
  }
  private finder(name: string): SheetResolver {
    return () => this.context.state.sheets.find((s) => s.name === name) ?? null;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.finder(name), false, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, this.finder(name), true, name);
    // Like Office.js, whether an *OrNullObject result is null is known after the sync, loaded or not.
    this.context.enqueue(() => ws.setNull(ws.resolveOrNull() === null));
    return ws;
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.state.sheets.find((s) => s.name === this.context.state.active) ?? null, false, '(active)');
  }
  add(name: string): FakeWorksheet {
    this.context.enqueue(() => {
      const state = this.context.state;
      refuseIfStructureProtected(state);
      if (state.sheets.some((s) => s.name === name)) throw new OfficeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
      state.sheets.push({ name, visibility: 'Visible', protected: false, cells: {} });
    }, jsonBytes(name));
    return this.getItem(name);
  }
  load(props: string): this {
    const paths = splitProps(props).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      this.loadedItems = this.context.state.sheets.map((s) => {
        const ws = this.getItem(s.name);
        ws.loadNow(paths);
        return ws;
      });
    });
    return this;
  }
}

class FakeWorksheet extends ClientObject {
  readonly protection: FakeProtection;
  private readonly noteCollection: FakeNoteCollection;
  readonly freezePanes: { freezeRows(n: number): void };
  constructor(
    context: FakeContext,
    readonly resolveOrNull: SheetResolver,
    readonly orNull: boolean,
    private readonly label: string,
  ) {
    super(context);
    this.protection = new FakeProtection(context, () => this.resolve().protected);
    this.noteCollection = new FakeNoteCollection(context, this);
    this.freezePanes = { freezeRows: (n) => this.write(() => void (this.resolve().frozenRows = n)) };
  }
  /** Absent from a library older than ExcelApi 1.18, as in the @microsoft/office-js copy. */
  get notes(): FakeNoteCollection | undefined {
    return this.context.excel.libraryHas('1.18') ? this.noteCollection : undefined;
  }
  /** The sheet at sync time; a missing one fails the command, as getItem does in Excel. */
  resolve(): FakeSheet {
    const s = this.resolveOrNull();
    if (!s) throw new OfficeError('ItemNotFound', `The worksheet '${this.label}' does not exist.`);
    return s;
  }
  /** A write command: rejected on a protected sheet. */
  write(apply: (sheet: FakeSheet) => void, bytes = 0): void {
    this.context.enqueue(() => {
      const sheet = this.resolve();
      if (sheet.protected) throw new OfficeError('AccessDenied', `The sheet '${sheet.name}' is protected.`);
      apply(sheet);
    }, bytes);
  }
  get name(): string {
    return this.read('name');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(v: string) {
    this.context.enqueue(() => {
      const sheet = this.resolve();
      if (sheet.visibility !== v) refuseIfStructureProtected(this.context.state);
      sheet.visibility = v as FakeSheet['visibility'];
    }, jsonBytes(v));
  }
  loadNow(paths: string[]): void {
    const sheet = this.resolveOrNull();
    this.setNull(sheet === null);
    if (!sheet) {
      if (!this.orNull) throw new OfficeError('ItemNotFound', `The worksheet '${this.label}' does not exist.`);
      return;
    }
    for (const p of paths) {
      if (p === 'name') this.setLoaded('name', sheet.name);
      else if (p === 'visibility') this.setLoaded('visibility', sheet.visibility);
      else if (p === 'protection/protected') this.protection.loadNow();
    }
  }
  load(props = 'name'): this {
    const paths = splitProps(props);
    this.context.enqueue(() => this.loadNow(paths));
    return this;
  }
  activate(): void {
    this.context.enqueue(() => {
      const sheet = this.resolve();
      if (sheet.visibility !== 'Visible') throw new OfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.context.state.active = sheet.name;
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const sheet = this.resolve();
      refuseIfStructureProtected(this.context.state);
      if (sheet.visibility === 'VeryHidden') throw new OfficeError('InvalidOperation', 'A VeryHidden sheet cannot be deleted.');
      const state = this.context.state;
      state.sheets = state.sheets.filter((s) => s !== sheet);
      if (state.active === sheet.name) state.active = state.sheets[0]?.name ?? '';
    });
  }
  getRange(address?: string): FakeRange {
    const area = address ? parseArea(address) : { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
    return new FakeRange(this.context, this, () => area, false);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, this, () => ({ row, col, rows, cols }), false);
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      this,
      () => {
        const sheet = this.resolveOrNull();
        if (!sheet) return null;
        let top = Infinity,
          left = Infinity,
          bottom = -1,
          right = -1;
        for (const [key, cell] of Object.entries(sheet.cells)) {
          const used = cell.value !== null || cell.error !== undefined || (!valuesOnly && (cell.fill || cell.format));
          if (!used) continue;
          const [r, c] = key.split(',').map(Number);
          top = Math.min(top, r);
          left = Math.min(left, c);
          bottom = Math.max(bottom, r);
          right = Math.max(right, c);
        }
        return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
      },
      true,
    );
  }
}

class FakeRange extends ClientObject {
  readonly format: { fill: FakeFillProxy; font: { bold: boolean }; autofitColumns(): void };
  constructor(
    context: FakeContext,
    readonly sheet: FakeWorksheet,
    private readonly area: () => Area | null,
    private readonly orNull: boolean,
  ) {
    super(context);
    const range = this;
    this.format = {
      fill: new FakeFillProxy(context, this),
      font: {
        set bold(b: boolean) {
          range.eachCell((cell) => void (cell.bold = b));
        },
        get bold(): boolean {
          throw new OfficeError('PropertyNotLoaded', 'font.bold not loaded');
        },
      },
      autofitColumns: () => this.sheet.write(() => undefined),
    };
  }
  /** The area at sync time; null when the range is a null object. */
  resolveArea(): Area | null {
    // A range of a null-object sheet is a null object too; of a missing getItem sheet, an error.
    if (!this.sheet.resolveOrNull()) {
      if (this.sheet.orNull) return null;
      this.sheet.resolve();
    }
    const area = this.area();
    if (!area && !this.orNull) throw new OfficeError('ItemNotFound', 'The range does not exist.');
    return area;
  }
  /** A write to every cell of the range (created when absent). */
  eachCell(apply: (cell: FakeCell, r: number, c: number) => void, bytes = 0): void {
    this.sheet.write((sheet) => {
      const area = this.resolveArea()!;
      for (let r = 0; r < area.rows; r++)
        for (let c = 0; c < area.cols; c++) apply((sheet.cells[`${area.row + r},${area.col + c}`] ??= { value: null }), r, c);
    }, bytes);
  }
  load(props: string | string[]): this {
    const names = splitProps(props);
    this.context.enqueue(() => {
      const area = this.resolveArea();
      this.setNull(area === null);
      if (!area) return;
      const sheet = this.sheet.resolve();
      const grid = (f: (cell: FakeCell | undefined) => unknown) =>
        Array.from({ length: area.rows }, (_, r) => Array.from({ length: area.cols }, (_, c) => f(sheet.cells[`${area.row + r},${area.col + c}`])));
      for (const p of names) {
        if (p === 'rowIndex') this.setLoaded(p, area.row);
        else if (p === 'columnIndex') this.setLoaded(p, area.col);
        else if (p === 'rowCount') this.setLoaded(p, area.rows);
        else if (p === 'columnCount') this.setLoaded(p, area.cols);
        else if (p === 'address') this.setLoaded(p, `${quoteSheet(sheet.name)}!${areaAddress(area)}`);
        else if (p === 'values') this.setLoaded(p, grid((c) => (c?.error ?? c?.value ?? '')));
        // "If a cell has no formula, its value is returned instead" (Range.formulas, ExcelApi 1.1).
        else if (p === 'formulas') this.setLoaded(p, grid((c) => (c?.formula ?? c?.error ?? c?.value ?? '')));
        else if (p === 'text') this.setLoaded(p, grid(displayed));
        else if (p === 'numberFormat') this.setLoaded(p, grid((c) => c?.format ?? 'General'));
        else if (p === 'valueTypes') this.setLoaded(p, grid(valueType));
        else throw new Error(`fake: cannot load ${p}`);
      }
    });
    return this;
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(v: unknown[][]) {
    this.eachCell((cell, r, c) => enterInto(cell, v[r][c]), jsonBytes(v));
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(v: unknown[][]) {
    this.eachCell((cell, r, c) => enterInto(cell, v[r][c]), jsonBytes(v));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.context, this);
  }
  get text(): string[][] {
    return this.read('text');
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.eachCell((cell, r, c) => {
      cell.format = String(v[r][c]);
      // A number is shown in its new format; a text shows itself whatever the format.
      if (typeof cell.value === 'number') delete cell.text;
    }, jsonBytes(v));
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get address(): string {
    return this.read('address');
  }
  set hyperlink(link: { documentReference?: string; textToDisplay?: string }) {
    this.eachCell((cell) => void (cell.hyperlink = link), jsonBytes(link));
  }
  /** `Contents`: "Clears the contents of the range, leaving formatting intact" (Excel.ClearApplyTo); otherwise everything. */
  clear(applyTo: 'All' | 'Contents' = 'All'): void {
    this.sheet.write((sheet) => {
      const area = this.resolveArea()!;
      for (const [key, cell] of Object.entries(sheet.cells)) {
        const [r, c] = key.split(',').map(Number);
        if (r < area.row || r >= area.row + area.rows || c < area.col || c >= area.col + area.cols) continue;
        if (applyTo === 'All') delete sheet.cells[key];
        else {
          cell.value = null;
          delete cell.formula;
          delete cell.error;
          delete cell.text;
        }
      }
    });
  }
  select(): void {
    this.context.enqueue(() => {
      const sheet = this.sheet.resolve();
      if (this.context.state.active !== sheet.name) throw new OfficeError('InvalidSelection', 'Only cells on the active sheet can be selected.');
      this.context.state.selection = { sheet: sheet.name, address: areaAddress(this.resolveArea()!) };
    });
  }
}

/**
 * A value set through Range.values or Range.formulas, taken as if typed into the cell:
 * - "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
 *   Excel interprets this value as a formula" (Range.values, @types/office-js), and a
 *   numeric text becomes a number: the least generous reading of a General cell;
 * - in a cell formatted as Text ("@") everything entered stays text, formulas and
 *   numbers too ("If the cell is pre-formatted as Text, Excel treats everything you type,
 *   including the equals sign, as a literal string",
 *   https://wisechecker.com/excel-formula-showing-as-text-instead-of-result-reset-cell-format/);
 * - "" empties the cell.
 * A formula is not calculated here: its value stays unknown.
 */
function enterInto(cell: FakeCell, entered: unknown): void {
  delete cell.error;
  delete cell.text;
  delete cell.formula;
  cell.value = null;
  if (entered === '' || entered === null || entered === undefined) return;
  if (cell.format === '@') {
    cell.value = String(entered);
    return;
  }
  if (typeof entered !== 'string') {
    cell.value = entered as FakeCell['value'];
    return;
  }
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(entered)) cell.value = Number(entered);
  else if (/^[=+-]/.test(entered)) cell.formula = entered.startsWith('=') ? entered : `=${entered}`;
  else cell.value = entered;
}

/** What Excel displays: an error, the fixture's text, or the value in its number format. */
function displayed(c: FakeCell | undefined): string {
  if (!c) return '';
  if (c.error !== undefined) return c.error;
  if (c.text !== undefined) return c.text;
  if (c.value === null) return '';
  if (typeof c.value === 'number') return formatNumber(c.format ?? 'General', c.value);
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return c.value;
}

function valueType(c: FakeCell | undefined): string {
  if (!c) return 'Empty';
  if (c.error !== undefined) return 'Error';
  if (c.value === null) return 'Empty';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return c.value === '' ? 'Empty' : 'String';
}

const FILL_KEYS = ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'] as const;

class FakeFillProxy extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context);
    for (const key of FILL_KEYS) {
      Object.defineProperty(this, key, {
        get: () => this.read(key),
        set: (v: unknown) =>
          this.range.eachCell((cell) => {
            const fill = { ...(cell.fill ?? NO_FILL) };
            (fill as Record<string, unknown>)[key] = v;
            // Giving a colour to a cell with no fill makes it a solid fill, as Excel does.
            if (key === 'color' && fill.tintAndShade === null) Object.assign(fill, { pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 });
            cell.fill = fill;
          }, jsonBytes(v)),
      });
    }
  }
  load(props: string): this {
    const names = splitProps(props);
    this.context.enqueue(() => {
      const area = this.range.resolveArea()!;
      const sheet = this.range.sheet.resolve();
      if (area.rows !== 1 || area.cols !== 1) throw new Error('fake: fills are loaded one cell at a time');
      const fill = sheet.cells[`${area.row},${area.col}`]?.fill ?? NO_FILL;
      for (const n of names) this.setLoaded(n, fill[n as keyof FakeFill]);
    });
    return this;
  }
  clear(): void {
    this.range.eachCell((cell) => void delete cell.fill);
  }
}

class FakeNoteCollection {
  constructor(
    readonly context: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {}
  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.context, this.sheet, address, true);
  }
  getItem(address: string): FakeNote {
    return new FakeNote(this.context, this.sheet, address, false);
  }
  add(address: string, content: string): FakeNote {
    this.sheet.write((sheet) => {
      requireExcelApi(this.context, '1.18');
      const { row, col } = parseAddress(address);
      const cell = (sheet.cells[`${row},${col}`] ??= { value: null });
      if (cell.note != null) throw new OfficeError('InvalidArgument', `The cell ${address} already has a note.`);
      if (cell.comment) throw new OfficeError('InvalidOperation', `The cell ${address} has a comment thread.`);
      cell.note = content;
    }, jsonBytes([address, content]));
    return this.getItem(address);
  }
}

/**
 * A call the library sends but Excel does not implement fails at sync with ApiNotFound
 * (OfficeExtension.ErrorCodes.apiNotFound: "The requested API was not found").
 */
function requireExcelApi(context: FakeContext, version: string): void {
  if (!context.excel.excelHas(version)) throw new OfficeError('ApiNotFound', `This call needs ExcelApi ${version}.`);
}

class FakeNote extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly address: string,
    private readonly orNull: boolean,
  ) {
    super(context);
  }
  private cellAt(sheet: FakeSheet): FakeCell | null {
    const { row, col } = parseAddress(this.address);
    const cell = sheet.cells[`${row},${col}`];
    return cell && cell.note != null ? cell : null;
  }
  private resolveCell(sheet: FakeSheet): FakeCell {
    const cell = this.cellAt(sheet);
    if (!cell) throw new OfficeError('ItemNotFound', `No note at ${this.address}.`);
    return cell;
  }
  load(_props: string): this {
    this.context.enqueue(() => {
      requireExcelApi(this.context, '1.18');
      const cell = this.cellAt(this.sheet.resolve());
      if (!cell && !this.orNull) throw new OfficeError('ItemNotFound', `No note at ${this.address}.`);
      this.setNull(cell === null);
      if (cell) this.setLoaded('content', cell.note);
    });
    return this;
  }
  get content(): string {
    return this.read('content');
  }
  set content(text: string) {
    this.sheet.write((sheet) => void (this.resolveCell(sheet).note = text), jsonBytes(text));
  }
  delete(): void {
    this.sheet.write((sheet) => void delete this.resolveCell(sheet).note);
  }
}

class FakeCommentCollection extends ClientObject {
  private loadedItems: FakeComment[] | undefined;
  get items(): FakeComment[] {
    if (!this.loadedItems) throw new OfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.loadedItems;
  }
  load(_props: string): this {
    this.context.enqueue(() => {
      requireExcelApi(this.context, '1.10');
      const items: FakeComment[] = [];
      for (const sheet of this.context.state.sheets)
        for (const [key, cell] of Object.entries(sheet.cells)) {
          if (!cell.comment) continue;
          const [row, col] = key.split(',').map(Number);
          const c = new FakeComment(this.context, sheet.name, `${columnName(col)}${row + 1}`);
          c.setLoaded('content', cell.comment.content);
          items.push(c);
        }
      this.loadedItems = items;
    });
    return this;
  }
  add(address: string, content: string): FakeComment {
    const bang = address.lastIndexOf('!');
    let sheetName = address.slice(0, bang);
    if (sheetName.startsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    const cellAddress = address.slice(bang + 1);
    const ws = new FakeWorksheetCollection(this.context).getItem(sheetName);
    ws.write((sheet) => {
      requireExcelApi(this.context, '1.10');
      const { row, col } = parseAddress(cellAddress);
      const cell = (sheet.cells[`${row},${col}`] ??= { value: null });
      if (cell.comment || cell.note != null) throw new OfficeError('InvalidOperation', `The cell ${address} already has a comment or note.`);
      cell.comment = { content, author: 'PerfCheck' };
    }, jsonBytes([address, content]));
    return new FakeComment(this.context, sheetName, cellAddress);
  }
}

class FakeComment extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly sheetName: string,
    private readonly address: string,
  ) {
    super(context);
  }
  private ws(): FakeWorksheet {
    return new FakeWorksheetCollection(this.context).getItem(this.sheetName);
  }
  get content(): string {
    return this.read('content');
  }
  set content(text: string) {
    this.ws().write((sheet) => {
      const { row, col } = parseAddress(this.address);
      const cell = sheet.cells[`${row},${col}`];
      if (!cell?.comment) throw new OfficeError('ItemNotFound', 'The comment no longer exists.');
      cell.comment.content = text;
    }, jsonBytes(text));
  }
  getLocation(): FakeRange {
    return this.ws().getRange(this.address);
  }
  delete(): void {
    this.ws().write((sheet) => {
      const { row, col } = parseAddress(this.address);
      const cell = sheet.cells[`${row},${col}`];
      if (!cell?.comment) throw new OfficeError('ItemNotFound', 'The comment no longer exists.');
      delete cell.comment;
    });
  }
}

/** Whether two ranges given as A1 areas (one or several, comma-separated) share a cell. */
function intersects(a: string, b: Area): boolean {
  return a.split(',').some((part) => {
    const x = parseArea(part);
    return x.row < b.row + b.rows && b.row < x.row + x.rows && x.col < b.col + b.cols && b.col < x.col + x.cols;
  });
}

let nextFormatId = 1;

/**
 * Range.conditionalFormats: "a collection of all the conditional formats that are
 * overlap the range" (ExcelApi 1.6). `add` puts the new format over the range "at the
 * first/top priority"; adding or deleting on a protected sheet is refused like any write.
 */
class FakeConditionalFormatCollection extends ClientObject {
  private loadedItems: FakeConditionalFormatProxy[] | undefined;
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }
  get items(): FakeConditionalFormatProxy[] {
    if (!this.loadedItems) throw new OfficeError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.loadedItems;
  }
  load(props: string): this {
    const names = splitProps(props).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      requireExcelApi(this.context, '1.6');
      const area = this.range.resolveArea()!;
      const sheet = this.range.sheet.resolve();
      this.loadedItems = (sheet.conditionalFormats ?? [])
        .filter((f) => intersects(f.range, area))
        .map((f) => {
          const proxy = new FakeConditionalFormatProxy(this.context, this.range.sheet, () => f);
          for (const n of names) {
            if (n === 'type') proxy.setLoaded('type', f.type);
            else if (n === 'id') proxy.setLoaded('id', f.id);
            else throw new Error(`fake: cannot load conditional format ${n}`);
          }
          return proxy;
        });
    });
    return this;
  }
  add(type: FakeConditionalFormat['type']): FakeConditionalFormatProxy {
    let added: FakeConditionalFormat | null = null;
    this.range.sheet.write((sheet) => {
      requireExcelApi(this.context, '1.6');
      const area = this.range.resolveArea()!;
      added = { id: `{${nextFormatId++}}`, range: areaAddress(area), type, formula: null, fill: null };
      sheet.conditionalFormats = [added, ...(sheet.conditionalFormats ?? [])];
    }, jsonBytes(type));
    return new FakeConditionalFormatProxy(this.context, this.range.sheet, () => added);
  }
}

class FakeConditionalFormatProxy extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly target: () => FakeConditionalFormat | null,
  ) {
    super(context);
  }
  private resolveFormat(): FakeConditionalFormat {
    const f = this.target();
    const sheet = this.sheet.resolve();
    if (!f || !(sheet.conditionalFormats ?? []).includes(f)) throw new OfficeError('ItemNotFound', 'The conditional format no longer exists.');
    return f;
  }
  get type(): string {
    return this.read('type');
  }
  get id(): string {
    return this.read('id');
  }
  /** Only a custom format has custom properties: reading them on another type fails (customOrNullObject exists for that). */
  get custom() {
    const context = this.context;
    const sheet = this.sheet;
    const custom = (): FakeConditionalFormat => {
      const f = this.resolveFormat();
      if (f.type !== 'Custom') throw new OfficeError('InvalidOperation', 'The conditional format is not a custom one.');
      return f;
    };
    const rule = new (class extends ClientObject {
      get formula(): string {
        return this.read('formula');
      }
      /** ConditionalFormatRule.formula: an expression with its leading "="; Excel refuses one without. */
      set formula(formula: string) {
        sheet.write(() => {
          if (!formula.startsWith('=')) throw new OfficeError('InvalidArgument', 'A rule formula starts with =.');
          custom().formula = formula;
        }, jsonBytes(formula));
      }
      load(_props: string): this {
        context.enqueue(() => this.setLoaded('formula', custom().formula));
        return this;
      }
    })(context);
    const fill = new (class extends ClientObject {
      get color(): string {
        return this.read('color');
      }
      /** Read back as Excel gives colours: #RRGGBB in capitals. */
      set color(color: string) {
        sheet.write(() => void (custom().fill = color.toUpperCase()), jsonBytes(color));
      }
      load(_props: string): this {
        context.enqueue(() => this.setLoaded('color', custom().fill));
        return this;
      }
    })(context);
    return { rule, format: { fill } };
  }
  /** "If the conditional format is applied to multiple ranges, then this method returns an object with its isNullObject property set to true." */
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      this.sheet,
      () => {
        const f = this.resolveFormat();
        return f.range.includes(',') ? null : parseArea(f.range);
      },
      true,
    );
  }
  delete(): void {
    this.sheet.write((sheet) => {
      const f = this.resolveFormat();
      sheet.conditionalFormats = (sheet.conditionalFormats ?? []).filter((x) => x !== f);
    });
  }
}
