/// <reference types="office-js" />
import { ConditionalRule } from '../../core/cellWrite';
import { splitAddress } from './cells';
import { CALL_BYTES, jsonBytes, readInGroups } from './payload';
import { RuleRecord } from './snapshot';

/**
 * The conditional formats 改为公式 adds: expression ("Custom") rules with a solid fill
 * (ConditionalFormatCollection.add, ConditionalFormat.custom, CustomConditionalFormat.rule
 * and .format: ExcelApi 1.6, https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection).
 * A rule has no identity PerfCheck could record before adding it (its `id` exists only
 * after), so 撤销改正 finds it again by what was recorded: its range, formula and fill.
 */

/** Queues adding one rule over its range; returns request bytes. */
export function addRule(sheet: Excel.Worksheet, rule: ConditionalRule): number {
  const format = sheet.getRange(rule.range).conditionalFormats.add('Custom');
  // The rule's formula is relative to the range's top-left cell, as in Excel's dialog.
  format.custom.rule.formula = `=${rule.formula}`;
  format.custom.format.fill.color = rule.fill;
  return 8 * CALL_BYTES + jsonBytes([rule.range, rule.formula, rule.fill]);
}

/** What a conditional format intersecting a recorded range turned out to be. */
interface FoundRule {
  format: Excel.ConditionalFormat;
  range: string | null;
  formula: string;
  fill: string;
}

const RULE_READ_BYTES = 6 * CALL_BYTES + 512;

/**
 * The conditional formats that are PerfCheck's recorded rules: for each record, one
 * custom format over exactly its range with its formula and fill, each format matched
 * once. A user's rule differs in one of these and is never picked; a recorded rule no
 * longer found (deleted by hand, or its rows moved) is simply not there to remove.
 */
export async function findRules(context: Excel.RequestContext, sheet: (name: string) => Excel.Worksheet, records: RuleRecord[]): Promise<Excel.ConditionalFormat[]> {
  if (records.length === 0) return [];
  const places = [...new Map(records.map((r) => [`${r.sheet}\u0000${r.range}`, r])).values()];
  // Two steps: only a custom format has `custom` to read.
  const collections = await readInGroups(
    context,
    places.map((r) => ({
      bytes: 2 * CALL_BYTES + 256,
      queue: () => {
        const formats = sheet(r.sheet).getRange(r.range).conditionalFormats.load('items/type');
        return () => ({ sheet: r.sheet, items: formats.items.filter((f) => f.type === 'Custom') });
      },
    })),
  );
  const found = await readInGroups(
    context,
    collections.flatMap((c) =>
      c.items.map((format) => ({
        bytes: RULE_READ_BYTES,
        queue: () => {
          const rule = format.custom.rule.load('formula');
          const fill = format.custom.format.fill.load('color');
          const range = format.getRangeOrNullObject().load('address');
          return (): FoundRule & { sheet: string } => ({
            sheet: c.sheet,
            format,
            // Null: the format applies to several ranges, so it is not one PerfCheck added.
            range: range.isNullObject ? null : splitAddress(range.address).cell,
            formula: rule.formula,
            fill: fill.color,
          });
        },
      })),
    ),
  );
  const taken = new Set<FoundRule>();
  const out: Excel.ConditionalFormat[] = [];
  for (const r of records) {
    const match = found.find(
      (f) =>
        !taken.has(f) &&
        f.sheet === r.sheet &&
        f.range === r.range.toUpperCase() &&
        f.formula === `=${r.formula}` &&
        f.fill.toUpperCase() === r.fill.toUpperCase(),
    );
    if (!match) continue;
    taken.add(match);
    out.push(match.format);
  }
  return out;
}
