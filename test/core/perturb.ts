import { FormResult } from '../../src/core/engine';
import { parseAddress } from '../../src/core/grid';

/**
 * Perturbations of a real form's rows the way PDFs and other templates change them
 * (issue #8): rows shifted against their header, labels spaced out, placeholder and
 * 其中 rows, another province's wording and column order, a header split over two rows.
 * Each takes the form's rows (row 0 = the form's first row) and what the unperturbed
 * reading found where, and returns new rows.
 */

export interface FormLayout {
  /** Row indexes within the form's rows. */
  fundHeader: number | null;
  fundLines: number[];
  indicatorHeader: number | null;
  indicatorRows: number[];
  /** Column of the indicator names. */
  nameColumn: number | null;
  /** Cells a person may type a unit into: 分值 and 得分 (分), amounts of a 元 table (元). */
  unitCells: { row: number; col: number; unit: '分' | '元' }[];
}

export function layoutOf(result: FormResult, rows: string[][]): FormLayout {
  const top = parseAddress(result.form.anchor).row;
  const rowOf = (cell: string) => parseAddress(cell).row - top;
  const fundLines = result.form.fund?.rows.map((r) => rowOf(r.label.cell)) ?? [];
  let fundHeader: number | null = null;
  for (let r = (fundLines[0] ?? 0) - 1; r >= 0; r--) {
    if (rows[r]?.some((t) => /全年预算|年初预算|全年执行/.test(t.replace(/\s/g, '')))) {
      fundHeader = r;
      break;
    }
  }
  const first = result.form.indicators[0];
  const at = (cell: string | undefined, unit: '分' | '元') => (cell ? [{ row: rowOf(cell), col: parseAddress(cell).col, unit }] : []);
  const unitCells = [
    ...result.form.indicators.flatMap((i) => [...at(i.weight?.cell, '分'), ...at(i.score?.cell, '分')]),
    ...(result.form.fund?.unit === '元'
      ? result.form.fund.rows.flatMap((r) => [r.initialBudget, r.budget, r.actual].flatMap((read) => at(read?.cell, '元')))
      : []),
  ];
  return {
    fundHeader,
    fundLines,
    indicatorHeader: result.form.indicatorHeader ? rowOf(result.form.indicatorHeader.cell) : null,
    indicatorRows: result.form.indicators.map((i) => i.row - top),
    nameColumn: first ? parseAddress(first.name.cell).col : null,
    unitCells,
  };
}

export type Perturbation = (rows: string[][], layout: FormLayout, pick: (n: number) => number) => string[][];

const copy = (rows: string[][]) => rows.map((r) => [...r]);

/** PDF rows sit one column right of their header: shift some fund and indicator rows. */
export const shiftRows: Perturbation = (rows, layout, pick) => {
  const out = copy(rows);
  for (const r of [...layout.fundLines, ...layout.indicatorRows]) if (pick(3) === 0) out[r] = ['', ...out[r]];
  return out;
};

/** The form starts anywhere: blank rows above and blank columns to the left. */
export const pad: Perturbation = (rows, _layout, pick) => {
  const left = Array.from({ length: 1 + pick(3) }, () => '');
  return [[], ...Array.from({ length: pick(3) }, () => [] as string[]), ...rows.map((r) => [...left, ...r])];
};

const SPACED: [RegExp, string][] = [
  [/^年度指标值$/, '年度 指标值'],
  [/^实际完成值$/, '实际 完成值'],
  [/^一级指标$/, '一级 指标'],
  [/^三级指标$/, '三级\n指标'],
  [/^偏差原因分析及改进措施$/, '偏差原因分析及\n改进措施'],
  [/^全年预算数$/, '全年 预算数'],
  [/^产出指标$/, '产 出 指 标'],
  [/^效益指标$/, '效 益 指 标'],
];

/** Labels with stray spaces and line breaks inside. */
export const spaceLabels: Perturbation = (rows) =>
  rows.map((r) => r.map((t) => SPACED.reduce((s, [re, to]) => (re.test(s.trim()) ? to : s), t)));

/** Each label's wordings in other provinces' templates; one is picked per form. */
const SYNONYMS: [RegExp, string[]][] = [
  [/^项目资金/, ['资金情况', '预算资金']],
  [/^全年预算数$/, ['调整后预算数', '全年预算数(A)']],
  [/^全年执行数$/, ['预算执行数', '全年执行数(B)', '实际支出数']],
  [/^执行率$/, ['执行率(B/A)', '预算执行率']],
  [/^实际完成值$/, ['全年实际值', '完成值', '实际达成值']],
  [/^年度指标值$/, ['年度目标值', '预期目标值', '年度计划值']],
  [/^分值$/, ['权重', '指标分值', '标准分值']],
  [/^得分$/, ['自评得分', '评分', '实际得分']],
  [/^偏差原因分析及改进措施$/, ['未完成原因分析', '偏差原因及改进措施', '差异原因']],
  [/^总分$/, ['合计', '自评得分']],
  [/^年度资金总额$/, ['年度资金总额：', '总额']],
  [/^其中：?当年财政拨款$/, ['其中:本年财政拨款', '财政资金']],
  [/^产出指标$/, ['产出指标(50分)']],
  [/^效益指标$/, ['效益指标(30分)']],
];

/** Another province's wording for the same things, and 一级 labels carrying their weight. */
export const synonyms: Perturbation = (rows, _layout, pick) => {
  const chosen = SYNONYMS.map(([re, words]): [RegExp, string] => [re, words[pick(words.length)]]);
  return rows.map((r) =>
    r.map((t) => {
      for (const [re, to] of chosen)
        // The fund heading keeps its unit: only its first words change.
        if (re.test(t.trim())) return re.source === '^项目资金' ? t.trim().replace(re, to) : to;
      return t;
    }),
  );
};

/** Units typed after the numbers: `10分` for a 分值 or 得分, `1,000.00元` for an amount of a 元 table. */
export const typeUnits: Perturbation = (rows, layout) => {
  const out = copy(rows);
  for (const { row, col, unit } of layout.unitCells) {
    const text = out[row]?.[col]?.trim() ?? '';
    if (/^-?[\d,]*\.?\d+$/.test(text)) out[row][col] = `${text}${unit}`;
  }
  return out;
};

/** A blank template's leftovers and 其中 breakdown rows between the indicators. */
export const insertNonIndicators: Perturbation = (rows, layout, pick) => {
  if (layout.nameColumn === null || layout.indicatorRows.length === 0 || layout.indicatorHeader === null) return rows;
  const header = rows[layout.indicatorHeader].map((t) => t.replace(/\s/g, ''));
  const target = header.findIndex((t) => /指标值/.test(t));
  const actual = header.findIndex((t) => /实际|完成值/.test(t));
  const at = layout.indicatorRows[pick(layout.indicatorRows.length)];
  const name = layout.nameColumn;
  const row = (text: string, extra: Record<number, string> = {}) => {
    const r = Array.from({ length: name + 1 }, () => '');
    r[name] = text;
    for (const [c, v] of Object.entries(extra)) {
      while (r.length <= Number(c)) r.push('');
      r[Number(c)] = v;
    }
    return r;
  };
  const breakdown =
    target > name && actual > name
      ? row('其中：试点区域', { [target]: '≥2个', [actual]: '2个' })
      : row('其中：试点区域');
  const inserted = [row('指标2'), row('……'), breakdown];
  return [...rows.slice(0, at + 1), ...inserted.slice(pick(2)), ...rows.slice(at + 1)];
};

/** Moves a column to another position in every row from `from` to the end. */
function moveColumn(rows: string[][], from: number, col: number, to: number): string[][] {
  return rows.map((r, i) => {
    if (i < from) return [...r];
    const cells = [...r];
    while (cells.length <= Math.max(col, to)) cells.push('');
    const [moved] = cells.splice(col, 1);
    cells.splice(to, 0, moved);
    return cells;
  });
}

/** 分值 before 年度指标值 (四川, 北京): on grids whose rows line up with their header. */
export const weightFirst: Perturbation = (rows, layout) => {
  if (layout.indicatorHeader === null) return rows;
  const header = rows[layout.indicatorHeader].map((t) => t.replace(/\s/g, ''));
  const weight = header.findIndex((t) => /^(分值|分数)$/.test(t));
  const target = header.findIndex((t) => /指标值$/.test(t));
  if (weight < 0 || target < 0 || weight < target) return rows;
  return moveColumn(rows, layout.indicatorHeader, weight, target);
};

/** No 年初预算数 column (四川): on grids whose rows line up with their header. */
export const dropInitialBudget: Perturbation = (rows, layout) => {
  if (layout.fundHeader === null) return rows;
  const header = rows[layout.fundHeader].map((t) => t.replace(/\s/g, ''));
  const col = header.findIndex((t) => /^年初预算数?$/.test(t));
  if (col < 0 || !header.some((t) => /^全年预算数?$/.test(t))) return rows;
  return rows.map((r, i) =>
    i === layout.fundHeader || layout.fundLines.includes(i) ? r.filter((_, c) => c !== col) : [...r],
  );
};

/** A two-row header: 绩效指标 over 一级 | 二级 | 三级, the value columns on the upper row. */
export const splitHeader: Perturbation = (rows, layout) => {
  if (layout.indicatorHeader === null) return rows;
  const h = layout.indicatorHeader;
  // Only a one-row header splits so; a two-row one (云南) already is.
  if (!rows[h].some((t) => /^(分值|得分)$/.test(t.trim()))) return rows;
  const upper = rows[h].map((t) => (/^[一二三]级\s*指标$/.test(t.trim()) ? '' : t));
  const lower = rows[h].map((t) => (/^[一二三]级\s*指标$/.test(t.trim()) ? t : ''));
  const first = lower.findIndex((t) => t !== '');
  if (first < 0) return rows;
  upper[first] = '绩效指标';
  return [...rows.slice(0, h), upper, lower, ...rows.slice(h + 1)];
};
