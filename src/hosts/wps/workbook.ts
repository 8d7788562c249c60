import { HostError } from '../host';
import { child, EtObject, invoke, item, numberProp, prop } from './etObject';

/** Sheets, looked up by name, of the workbook the user works in. */

export function activeWorkbook(app: unknown): EtObject {
  const wb = prop(app, 'ActiveWorkbook');
  if (typeof wb !== 'object' || wb === null) {
    throw new HostError('no-sheet', '没有打开的工作簿。请先在 WPS 表格中打开要检查的文件。');
  }
  return wb as EtObject;
}

/** Every worksheet in workbook order (the ET collection is 1-based). */
export function worksheets(wb: EtObject): EtObject[] {
  const sheets = child(wb, 'Worksheets');
  const count = numberProp(sheets, 'Count');
  const out: EtObject[] = [];
  for (let i = 1; i <= count; i++) out.push(item<EtObject>(sheets, i));
  return out;
}

export function sheetName(sheet: EtObject): string {
  return String(prop(sheet, 'Name'));
}

/**
 * The worksheet with this name, or null. Looked up by walking the collection because
 * `Item(name)` throws a COM error for a missing name in some builds and returns
 * undefined in others.
 */
export function findSheet(wb: EtObject, name: string): EtObject | null {
  return worksheets(wb).find((s) => sheetName(s) === name) ?? null;
}

export function sheetNamed(wb: EtObject, name: string): EtObject {
  const sheet = findSheet(wb, name);
  if (!sheet) throw new HostError('no-sheet', `找不到工作表“${name}”，它可能已被改名或删除。请重新检查。`);
  return sheet;
}

export function isProtected(sheet: EtObject): boolean {
  return prop(sheet, 'ProtectContents') === true;
}

/** The error the user sees when a sheet PerfCheck must write to is protected. */
export function protectedError(name: string, action: string): HostError {
  return new HostError(
    'protected',
    `工作表“${name}”受保护，无法${action}。请在“审阅”选项卡中撤销工作表保护后再试；工作簿未做任何修改。`,
  );
}

/** `sheet.Range(address)`. */
export function rangeAt(sheet: EtObject, address: string): EtObject {
  return invoke<EtObject>(sheet, 'Range', address);
}
