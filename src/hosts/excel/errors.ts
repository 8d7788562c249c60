/// <reference types="office-js" />
import { HostError } from '../host';

/**
 * Turns whatever an Office.js batch threw into a HostError the task pane can show as is.
 * Office.js errors carry a `code` (OfficeExtension.ErrorCodes / Excel.ErrorCodes); any
 * other rejection of `context.sync()` means the request never reached Excel.
 */
export function hostErrorOf(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  switch (code) {
    case 'AccessDenied':
    case 'InvalidOperationInCellEditMode':
      return code === 'AccessDenied'
        ? new HostError('protected', '工作表受保护，无法写入。请在“审阅”选项卡中撤消工作表保护后重试。')
        : new HostError('busy', 'Excel 正在编辑单元格。请先按 Enter 或 Esc 结束编辑，再重试。');
    case 'ItemNotFound':
      return new HostError('no-sheet', '找不到要处理的工作表或单元格，可能已被删除或改名。请重新检查。');
    case 'ApiNotFound':
    case 'UnsupportedOperation':
      return new HostError('unsupported', '当前版本的 Excel 不支持此操作。请更新 Office 后重试。');
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new HostError('unsupported', '工作表内容过大，一次读取不完。请把表格拆分到多个工作表后重试。');
    case 'ConnectionFailure':
    case 'GeneralException':
    case '':
      return new HostError('connection', '与 Excel 的连接中断，操作没有完成，工作簿未被修改。请稍后重试；如仍失败，请关闭并重新打开任务窗格。');
    default:
      return new HostError('unknown', `Excel 报告了错误（${code}），操作没有完成，工作簿未被修改。请重试。`);
  }
}
