/// <reference types="office-js" />
import { HostError } from '../host';
import { ChangeLog } from './payload';

/** The user actions that can fail, for saying what did not happen. */
export type ExcelAction = 'sheets' | 'read' | 'annotate' | 'clear' | 'select' | 'report' | 'change' | 'undo' | 'pending' | 'active';

const FAILED: Record<ExcelAction, string> = {
  sheets: '读取工作表列表没有完成',
  read: '读取工作表没有完成',
  annotate: '标注没有完成',
  clear: '清除标注没有完成',
  select: '跳转到单元格没有完成',
  report: '生成“检查结果”工作表没有完成',
  change: '修改单元格没有完成',
  undo: '撤销改正没有完成',
  pending: '读取改正记录没有完成',
  active: '读取当前单元格没有完成',
};

/**
 * What the workbook looks like after the failure, claimed only when true (see
 * ChangeLog): Excel does not roll back the part of a batch that ran before an error.
 */
function stateAfter(action: ExcelAction, log: ChangeLog): string {
  if (log.changed === 'nothing') return '工作簿未被修改。';
  if (log.changed === 'snapshot') return '表格中的单元格未被修改（PerfCheck 只在隐藏工作表中记录了部分原始内容和格式）。';
  switch (action) {
    case 'annotate':
      return '部分单元格可能已经标注。它们原来的格式已事先记录，点击“清除标注”可以全部恢复。';
    case 'clear':
      return '部分单元格可能已经恢复，其余仍保留标注；原始格式的记录仍在，请再次点击“清除标注”。';
    case 'report':
      return '“检查结果”工作表可能只写入了一部分，请重新生成。';
    case 'change':
      return '部分单元格可能已经修改。它们原来的内容已事先记录，点击“撤销改正”可以全部恢复。';
    case 'undo':
      return '部分单元格可能已经恢复，其余仍是修改后的内容；原来内容的记录仍在，请再次点击“撤销改正”。';
    default:
      return '工作簿可能已被部分修改。';
  }
}

/** Printable text of a message from elsewhere: no control characters, bounded. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim().slice(0, 200);
}

/**
 * Turns whatever an Office.js batch threw into a HostError the task pane can show as
 * is: what failed, why (by the error's code: OfficeExtension.ErrorCodes and
 * Excel.ErrorCodes, https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling),
 * what state the workbook is in, and what to do.
 */
export function hostErrorOf(e: unknown, action: ExcelAction, log: ChangeLog): HostError {
  if (e instanceof HostError) return e;
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const what = `${FAILED[action]}：`;
  const state = stateAfter(action, log);
  switch (code) {
    case 'AccessDenied':
      return new HostError('protected', `${what}Excel 拒绝写入（工作表或工作簿受保护，或没有编辑权限）。${state}请撤消保护或确认有编辑权限后重试。`);
    case 'InvalidOperationInCellEditMode':
      return new HostError('busy', `${what}Excel 正在编辑单元格。${state}请先按 Enter 或 Esc 结束编辑，再重试。`);
    case 'ItemNotFound':
      return new HostError('no-sheet', `${what}找不到要处理的工作表或单元格，可能已被删除或改名。${state}请重新检查。`);
    case 'ApiNotFound':
    case 'UnsupportedOperation':
      return new HostError('unsupported', `${what}当前版本的 Excel 不支持此操作。${state}请更新 Office 后重试。`);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new HostError('unsupported', `${what}一次传给 Excel 的数据超过了 5 MB 的上限。${state}请把表格拆分到多个工作表后重试。`);
    case 'ConnectionFailure':
      return new HostError('connection', `${what}与 Excel 的连接中断。${state}请稍后重试；如仍失败，请关闭并重新打开任务窗格。`);
    case 'GeneralException':
      return new HostError('unknown', `${what}Excel 报告了一般错误（GeneralException）。${state}请重试；如仍失败，请保存并重新打开工作簿。`);
    case '': {
      const detail = e instanceof Error ? plain(e.message) : plain(String(e));
      return new HostError('unknown', `${what}PerfCheck 出现内部错误（${detail || '未知错误'}）。${state}请重试；如仍失败，请把此消息发给技术支持。`);
    }
    default:
      return new HostError('unknown', `${what}Excel 报告了错误（${plain(code)}）。${state}请重试。`);
  }
}
