import { Decimal } from '../decimal';
import { Finding, FindingCode, Severity } from '../findings';
import { Form, Read } from '../form';
import { RuleProfile } from '../profiles';
import { NumberReading } from '../values';

/** What every check of one form gets: the form, the profile, and a way to report. */
export interface CheckContext {
  form: Form;
  profile: RuleProfile;
  add: (
    code: FindingCode,
    cell: string,
    message: string,
    expected?: string | null,
    actual?: string | null,
    severity?: Severity,
  ) => void;
}

/** What a check of one row needs: only a way to report. */
export type Reporter = Pick<CheckContext, 'add'>;

export type { Finding };

/** Prints a number for a message: 2 decimals where the form shows decimals. */
export function show(x: Decimal, places = 2): string {
  return x.toFixed(places);
}

/**
 * The number in a cell that must hold one, reporting a cell that holds something else.
 * `label` names the cell in messages (e.g. `全年预算数`).
 */
export function numberIn(ctx: Reporter, read: Read<NumberReading> | null, label: string): Decimal | null {
  if (!read) return null;
  const r = read.value;
  if (r.kind === 'number') return r.value;
  if (r.kind === 'error') {
    ctx.add('UNPARSABLE_VALUE', read.cell, `${label}单元格是错误值 ${r.text}，应填写数字`, null, r.text);
  } else if (r.kind === 'invalid') {
    ctx.add('UNPARSABLE_VALUE', read.cell, `${label}“${r.text}”不是数字，无法计算`, null, r.text);
  }
  return null;
}

/** The value as displayed (what a reader of the printed form sees). */
export function shownIn(read: Read<NumberReading> | null): Decimal | null {
  return read && read.value.kind === 'number' ? read.value.shown : null;
}

export function isBlank(read: Read<NumberReading> | null): boolean {
  return !read || read.value.kind === 'empty';
}
