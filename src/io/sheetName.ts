/**
 * A worksheet name Excel accepts, made from a file name: a TSV file becomes a one-sheet
 * workbook, and its findings must name the same sheet the annotated copy holds.
 * Excel forbids \ / ? * [ ] : in sheet names, a leading or trailing apostrophe, and
 * names longer than 31 characters.
 */
export function sheetNameFor(fileBase: string): string {
  const cleaned = fileBase.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '').trim();
  const chars = Array.from(cleaned);
  return chars.length === 0 ? 'Sheet1' : chars.slice(0, 31).join('');
}
