import { checkIndicator } from '../core/checks/indicators';
import { Finding, findingsFor } from '../core/findings';
import { Indicator } from '../core/form';
import { Cell, EMPTY_CELL } from '../core/grid';
import { readNumber } from '../core/values';
import { readMeasures, rowsOf, zeroAsBlank } from './args';
import { PerfError } from './perfError';

/**
 * PERF.CHECK: one indicator row judged by the engine's own row check (`checkIndicator`),
 * so the rules (band, 满分 on a missed target, 偏差原因, …) exist once, in the core; this
 * file only reads the cells and shortens the findings for a status column.
 */

/** The columns PERF.CHECK accepts, left to right. */
const SHORT = ['target', 'actual', 'weight', 'score', 'reason'] as const;
const FULL = ['level1', 'level2', 'level3', ...SHORT] as const;
type Field = (typeof FULL)[number];

const FIELD_NAMES: Record<Field, string> = {
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  target: '年度指标值',
  actual: '实际完成值',
  weight: '分值',
  score: '得分',
  reason: '偏差原因',
};

export const ROW_SHAPE_HELP = '请选择一行 5 列（年度指标值、实际完成值、分值、得分、偏差原因）或 8 列（一级指标至偏差原因）';

/** A cell as the engine's readers expect it. */
function cellOf(x: unknown): Cell {
  if (x === null || x === undefined || x === '') return EMPTY_CELL;
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'string') return { value: x, text: String(x) };
  return { value: String(x), text: String(x) };
}

function textOf(x: unknown): string {
  return x === null || x === undefined ? '' : String(x).trim();
}

/** The short status for one finding; the field names stand in for cell addresses. */
function statusOf(f: Finding, named: boolean): string | null {
  const field = f.cell as Field;
  switch (f.code) {
    case 'SCORE_EXCEEDS_WEIGHT':
      return f.actual?.startsWith('-') ? '得分为负数' : '得分超过分值';
    case 'TARGET_NOT_MET_FULL_SCORE':
      return '目标未完成却给满分';
    case 'SCORE_OUT_OF_BAND':
      return f.expected?.includes('–') ? `得分超出范围（${f.expected}）` : `得分应为 ${f.expected}`;
    case 'MISSING_DEVIATION_REASON':
      // The info variant says a blank reason is acceptable (scored by the actual %).
      return f.severity === 'error' ? '缺少偏差原因' : null;
    case 'EMPTY_FIELD':
      return field === 'level3' && !named ? null : `缺少${FIELD_NAMES[field]}`;
    case 'UNPARSABLE_VALUE':
      return `${FIELD_NAMES[field]}“${f.actual}”不是数字`;
    default:
      return f.message;
  }
}

export function checkIndicatorRow(range: unknown): string | PerfError {
  const rows = rowsOf(range);
  if (rows.length !== 1) return new PerfError('#VALUE!', `选中了 ${rows.length} 行；${ROW_SHAPE_HELP}`);
  const values = rows[0];
  const layout = values.length === FULL.length ? FULL : values.length === SHORT.length ? SHORT : null;
  if (!layout) return new PerfError('#VALUE!', `选中了 ${values.length} 列；${ROW_SHAPE_HELP}`);
  const cell = (field: Field): unknown => values[(layout as readonly Field[]).indexOf(field)];
  // A blank arrives as 0 or null (see zeroAsBlank). A 0 in a text column or as 分值 is a
  // blank; a 得分 left blank counts 0, as a typed 0 does, so both give the same status.
  const at = (field: Field): unknown => {
    const x = cell(field);
    if (field === 'score') return x === null || x === undefined || x === '' ? 0 : x;
    return zeroAsBlank(x);
  };
  const named = layout === FULL;
  const measures = readMeasures(at('target'), at('actual'));
  if (measures instanceof PerfError) return measures;
  const indicator: Indicator = {
    row: 0,
    level1: named ? textOf(at('level1')) : '',
    level2: named ? textOf(at('level2')) : '',
    name: { value: named ? textOf(at('level3')) : '', cell: 'level3' },
    target: { value: measures.target, text: textOf(at('target')), cell: 'target' },
    actual: { value: measures.actual, text: textOf(at('actual')), cell: 'actual' },
    weight: { value: readNumber(cellOf(at('weight'))), cell: 'weight' },
    score: { value: readNumber(cellOf(at('score'))), cell: 'score' },
    reason: { value: textOf(at('reason')), cell: 'reason' },
    duplicateOf: null,
  };
  const { out, add } = findingsFor('', 'PERF.CHECK');
  checkIndicator({ add }, indicator, 'self-eval', null);
  const statuses = out.map((f) => statusOf(f, named)).filter((s): s is string => s !== null);
  return [...new Set(statuses)].join('；');
}
