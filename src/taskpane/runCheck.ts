import {
  checkFormGuarded,
  checkWorkbook,
  findForms,
  projectNames,
  resolveProfile,
  WorkbookResult,
} from '../core/engine';
import { Form } from '../core/form';
import { Host } from '../hosts/host';

export type Progress = { phase: 'read' | 'check'; done: number; total: number };

export interface CheckRun {
  result: WorkbookResult;
  /** Form id → 项目名称, for grouping and the 检查结果 sheet. */
  projects: Map<string, string>;
}

/** Lets the pane repaint (progress bar) between steps of a long check. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads the sheets and checks them as checkWorkbook does, one sheet and one form at a
 * time, reporting progress and yielding to the UI in between.
 */
export async function runCheck(
  host: Host,
  sheets: string[],
  profile: string,
  onProgress: (p: Progress) => void,
): Promise<CheckRun> {
  onProgress({ phase: 'read', done: 0, total: sheets.length });
  const grids = await host.readSheets(sheets, (done, total) => onProgress({ phase: 'read', done, total }));
  const forms: Form[] = [];
  for (const grid of grids) {
    await yieldToUi();
    forms.push(...findForms(grid));
  }
  let result: WorkbookResult;
  if (forms.length === 0) {
    result = checkWorkbook(grids, { profile });
  } else {
    const choice = resolveProfile(profile, forms);
    const results = [];
    for (const [i, form] of forms.entries()) {
      onProgress({ phase: 'check', done: i, total: forms.length });
      if (i % 5 === 0) await yieldToUi();
      results.push(checkFormGuarded(form, choice.profile));
    }
    result = { forms: results, findings: results.flatMap((r) => r.findings), profile: choice };
  }
  return { result, projects: projectNames(result) };
}
