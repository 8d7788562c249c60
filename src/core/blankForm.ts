import { CellWrite, ConditionalRule } from './cellWrite';
import { checkWorkbook } from './engine';
import { formFormulas } from './formFormulas';
import { Cell, CellValue, columnName, Grid, parseAddress } from './grid';
import { NATIONAL, profileById } from './profiles';

/**
 * 插入空白自评表 (issue 14): the national template (财预〔2020〕10号: 资金 10 分 + 指标 90 分)
 * at a cell, with its 执行率, 资金得分, 总分 and 等级 already formulas and the 得分 rules
 * in place, so the form checks itself as the accountant fills it in.
 */
export interface BlankFormOptions {
  /** The rule profile the formulas round by (default: national). */
  profile?: string;
  /** =PERF.* formulas instead of plain ones. */
  perf?: boolean;
}

export interface BlankForm {
  writes: CellWrite[];
  rules: ConditionalRule[];
  /** The block the form covers, e.g. `B3:I25`: the caller makes sure it is blank first. */
  area: string;
}

/** What a template cell holds: a label or 分值 kept in the form, or a sample value only used to derive the formulas. */
type Entry = string | number | { sample: CellValue };

const DASH = '—';
const FUND_LINES = ['其中：当年财政拨款', '上年结转资金', '其他资金'];
const INDICATORS: [string, string][] = [
  ['产出指标', '数量指标'],
  ['', '质量指标'],
  ['', '时效指标'],
  ['', '成本指标'],
  ['效益指标', '经济效益指标'],
  ['', '社会效益指标'],
  ['', '生态效益指标'],
  ['', '可持续影响指标'],
  ['满意度指标', '服务对象满意度指标'],
];
/** 90 分 over the nine 二级指标, to be changed as the project needs. */
const INDICATOR_WEIGHT = 10;

/**
 * The template, eight columns wide: the fund table's seven columns and the indicator
 * table's eight share the left edge, as the national template prints them. Sample
 * amounts and scores make the form complete enough for the engine to read it and
 * derive its formulas; they are never written.
 */
function template(): Entry[][] {
  const s = (v: CellValue) => ({ sample: v });
  return [
    ['项目支出绩效自评表'],
    ['（    年度）'],
    ['项目名称', ''],
    ['主管部门', '', '', '', '实施单位', ''],
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', s(300), s(300), s(300), 10, '', ''],
    ...FUND_LINES.map((label): Entry[] => [label, s(100), s(100), s(100), DASH, '', DASH]),
    ['年度总体目标', '预期目标', '', '', '实际完成情况'],
    [],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ...INDICATORS.map(([first, second], i): Entry[] => [
      first,
      second,
      s(`样例指标${'一二三四五六七八九'[i]}`),
      s('100%'),
      s('100%'),
      INDICATOR_WEIGHT,
      s(INDICATOR_WEIGHT),
    ]),
    ['总分', '', '', '', '', 100, ''],
    ['评分等级', s('优')],
  ];
}

/** The blank form with its top-left cell at `anchor` on `sheet`. */
export function blankForm(sheet: string, anchor: string, options: BlankFormOptions = {}): BlankForm {
  const profile = (options.profile && profileById(options.profile)) || NATIONAL;
  const at = parseAddress(anchor);
  const rows = template();
  const width = Math.max(...rows.map((r) => r.length));
  const a1 = (r: number, c: number) => `${columnName(at.col + c)}${at.row + r + 1}`;

  const sample: (Cell | null)[][] = rows.map((row) =>
    row.map((entry) => {
      const value = typeof entry === 'object' ? entry.sample : entry;
      return value === '' ? null : { value, text: String(value) };
    }),
  );
  const grid: Grid = { sheet, top: at.row, left: at.col, cells: sample };
  const result = checkWorkbook([grid], { profile: profile.id }).forms[0];
  const formulas = formFormulas(result, profile, grid, options);
  const computed = new Set(formulas.writes.map((w) => w.cell));

  const writes: CellWrite[] = [];
  rows.forEach((row, r) =>
    row.forEach((entry, c) => {
      const cell = a1(r, c);
      if (typeof entry === 'object' || entry === '' || computed.has(cell)) return;
      writes.push(
        typeof entry === 'number'
          ? { sheet, cell, kind: 'number', value: String(entry), numberFormat: null }
          : { sheet, cell, kind: 'text', value: entry, numberFormat: null },
      );
    }),
  );
  // A blank form has nothing to compute yet: the formulas show blanks until it is filled.
  for (const { sheet: on, cell, kind, value, numberFormat } of formulas.writes)
    writes.push({ sheet: on, cell, kind, value, numberFormat });
  return { writes, rules: formulas.rules, area: `${a1(0, 0)}:${a1(rows.length - 1, width - 1)}` };
}
