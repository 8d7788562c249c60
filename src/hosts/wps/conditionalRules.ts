import { XL_EXPRESSION } from './etConstants';
import { call, child, EtObject, invoke, numberProp, prop, setProp } from './etObject';
import { RuleRecord } from './recordsSheet';
import { rangeAt } from './workbook';

/**
 * The conditional formats of 改为公式: expression rules
 * (`Range.FormatConditions.Add(xlExpression = 2, , Formula1)`, et-jsapi-declare
 * lib.et.d.ts `FormatConditions.Add(Type, Operator?, Formula1?)`) with a solid fill
 * (`FormatCondition.Interior.Color`, BGR).
 *
 * A rule's formula is relative to the top-left cell of its range, but the object model
 * takes the relative references of `Formula1` relative to the ACTIVE cell, both when
 * adding and when reading it back (Microsoft, "The conditional formatting may be set
 * incorrectly when you use VBA in Excel", learn.microsoft.com/office/troubleshoot/excel/
 * conditional-formatting-set-incorrectly, KB 895562; WPS follows Excel's object model).
 * The documented workaround is to select the range's top-left cell first; the user's
 * active sheet and selections are put back afterwards.
 */

/** Adds the rules as recorded; the sheet is activated once, each range's rules share one selection of its anchor. */
export function addRules(app: unknown, sheets: Map<string, EtObject>, rules: RuleRecord[]): void {
  for (const [name, groups] of bySheet(rules)) {
    const sheet = sheets.get(name)!;
    atAnchors(app, sheet, groups, (group) => {
      const conditions = child(rangeAt(sheet, group[0].range), 'FormatConditions');
      for (const rule of group) {
        const condition = call(conditions, 'Add', XL_EXPRESSION, undefined, `=${rule.formula}`);
        setProp(child(condition, 'Interior'), 'Color', rule.colour);
      }
    });
  }
}

/**
 * Deletes, for each rule, the one conditional format that is it: an expression rule over
 * exactly its range with its formula and fill. A user's rule, even on the same cells,
 * differs in one of them and stays; a rule no longer there (deleted by hand) is passed
 * over. `removed` is told of each range's rules once they are gone.
 */
export function removeRules(app: unknown, sheets: Map<string, EtObject>, rules: RuleRecord[], removed: (rule: RuleRecord) => void): void {
  for (const [name, groups] of bySheet(rules)) {
    const sheet = sheets.get(name)!;
    atAnchors(app, sheet, groups, (group) => {
      const conditions = child(rangeAt(sheet, group[0].range), 'FormatConditions');
      const left = [...group];
      for (let i = numberProp(conditions, 'Count'); i >= 1 && left.length > 0; i--) {
        const condition = invoke<EtObject>(conditions, 'Item', i);
        const at = ruleAmong(condition, group[0].range, left);
        if (at < 0) continue;
        call(condition, 'Delete');
        left.splice(at, 1);
      }
      group.forEach(removed);
    });
  }
}

/** The rules grouped by sheet, then by range, in the order first met. */
function bySheet(rules: RuleRecord[]): Map<string, RuleRecord[][]> {
  const sheets = new Map<string, RuleRecord[][]>();
  for (const group of byRange(rules)) sheets.set(group[0].sheet, [...(sheets.get(group[0].sheet) ?? []), group]);
  return sheets;
}

/** The rules grouped by sheet and range, in the order first met. */
function byRange(rules: RuleRecord[]): RuleRecord[][] {
  const groups = new Map<string, RuleRecord[]>();
  for (const r of rules) {
    const key = `${r.sheet}\u0000${r.range}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

/**
 * Which of the rules (all over `range`) the condition is, or -1: an expression rule over
 * exactly the range, with a rule's formula and fill. Each member is read once, and only
 * while it can still match.
 */
function ruleAmong(condition: EtObject, range: string, rules: RuleRecord[]): number {
  if (numberProp(condition, 'Type') !== XL_EXPRESSION) return -1;
  const appliesTo = String(call(child(condition, 'AppliesTo'), 'Address', false, false));
  if (appliesTo.toUpperCase() !== range.toUpperCase()) return -1;
  const formula = String(prop(condition, 'Formula1'));
  if (!rules.some((rule) => sameFormula(formula, `=${rule.formula}`))) return -1;
  const colour = numberProp(child(condition, 'Interior'), 'Color');
  return rules.findIndex((rule) => sameFormula(formula, `=${rule.formula}`) && rule.colour === colour);
}

/** The host may print a formula with its own spacing and letter case. */
const sameFormula = (a: string, b: string): boolean => a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

/**
 * Runs `action` for each group with its range's top-left cell active, the sheet
 * activated once for them all, then puts the user's sheet and selections back.
 */
function atAnchors(app: unknown, sheet: EtObject, groups: RuleRecord[][], action: (group: RuleRecord[]) => void): void {
  const home = prop<EtObject>(app, 'ActiveSheet');
  const homeSelection = prop<EtObject>(app, 'Selection');
  call(sheet, 'Activate');
  const selection = prop<EtObject>(app, 'Selection');
  try {
    for (const group of groups) {
      call(rangeAt(sheet, group[0].range.split(':')[0]), 'Select');
      action(group);
    }
  } finally {
    call(selection, 'Select');
    call(home, 'Activate');
    call(homeSelection, 'Select');
  }
}
