import { Form, Read } from '../form';
import { NumberReading } from '../values';

/**
 * A self-evaluation form nobody has filled in yet: a template just inserted (插入空白自评表)
 * or sent on blank. Its fund table has no amount and no indicator has a 实际完成值 or a
 * 得分. Every required cell of it is empty, and listing each one would bury what matters
 * (the form is not filled in) under dozens of findings; once any amount, 实际完成值 or
 * 得分 is entered, each blank cell is reported again.
 */
export function isNotFilledIn(form: Form): boolean {
  if (form.kind !== 'self-eval' || !form.fund || form.fund.rows.length === 0 || form.indicators.length === 0)
    return false;
  const blank = (read: Read<NumberReading> | null) => read === null || read.value.kind === 'empty';
  return (
    form.fund.rows.every((row) => blank(row.initialBudget) && blank(row.budget) && blank(row.actual)) &&
    form.indicators.every((i) => blank(i.score) && i.actual.text.trim() === '')
  );
}

/** What is said of such a form, once, at its first cell. */
export const NOT_FILLED_IN =
  '此表尚未填写：资金表没有金额，指标没有实际完成值和得分。请填写预算数、执行数、实际完成值和得分后再检查';
