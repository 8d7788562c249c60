/** The ET object model's enumeration values PerfCheck uses (same numbers as Excel's). */

/** xlNone: `Interior.Pattern` / `Interior.ColorIndex` of a cell without fill. */
export const XL_NONE = -4142;
/** xlSolid: the pattern a plain fill colour has. */
export const XL_SOLID = 1;
/** xlSheetVisible. */
export const XL_SHEET_VISIBLE = -1;
/** xlSheetVeryHidden: hidden so that only a program can show it again. */
export const XL_SHEET_VERY_HIDDEN = 2;
/** xlExpression: a conditional format whose rule is a formula (XlFormatConditionType in et-jsapi-declare). */
export const XL_EXPRESSION = 2;
