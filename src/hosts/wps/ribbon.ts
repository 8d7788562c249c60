import { checkWorkbook } from '../../core/engine';
import { Finding } from '../../core/findings';
import { HostError } from '../host';
import { CUSTOM_FUNCTIONS_SINCE, registerPerfFunctions } from './customFunctions';
import { call, EtObject, invoke, prop, setProp } from './etObject';
import { WpsHost } from './wpsHost';

/**
 * The callbacks ribbon.xml names (onLoad, onAction, getImage). WPS calls them as
 * global functions of the add-in's entry page; wps-addin/entry.ts puts them there.
 */
export interface RibbonCallbacks {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: { Id: string }): void;
  GetImage(control: { Id: string }): string;
}

/** What the entry page provides: the WPS globals, a message box and where the task pane is. */
export interface AddinPage {
  /** `window.Application`, looked up when needed: WPS may set it after the script loads. */
  app(): unknown;
  /** `window.wps`, likewise. */
  wps(): unknown;
  alert(message: string): void;
  /** The URL of the task pane page inside the add-in folder. */
  taskpaneUrl: string;
  /** Remembers across sessions that a message was shown once (window.localStorage). */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Runs after each button's work has finished, for tests. */
  onDone?(): void;
}

const IMAGES: Record<string, string> = {
  btnOpenPane: 'images/pane.svg',
  btnCheck: 'images/check.svg',
  btnClear: 'images/clear.svg',
};

const TASKPANE_KEY = 'perfcheck_taskpane_id';
const VERSION_NOTICE_KEY = 'perfcheck_custom_functions_notice';

export function ribbonCallbacks(page: AddinPage): RibbonCallbacks {
  const host = () => new WpsHost(page.app());
  let taskpaneId: unknown = null;

  const run = (work: () => Promise<string>) => {
    work()
      .then(page.alert, (e: unknown) => page.alert(e instanceof HostError ? e.message : `操作失败：${e instanceof Error ? e.message : String(e)}`))
      .finally(() => page.onDone?.());
  };

  return {
    OnAddinLoad() {
      if (!registerPerfFunctions(page.wps()) && page.storage?.getItem(VERSION_NOTICE_KEY) !== '1') {
        page.storage?.setItem(VERSION_NOTICE_KEY, '1');
        page.alert(
          `当前 WPS 版本不支持加载项自定义函数，PERF.RATE、PERF.SCORE 等函数无法使用；需要 WPS ${CUSTOM_FUNCTIONS_SINCE} 或更高版本。` +
            '一键检查、清除标注和检查面板不受影响。',
        );
      }
      return true;
    },

    OnAction(control) {
      switch (control.Id) {
        case 'btnOpenPane':
          try {
            taskpaneId = toggleTaskPane(page, taskpaneId);
          } catch (e) {
            page.alert(`无法打开检查面板：${e instanceof Error ? e.message : String(e)}。请关闭后重新打开 WPS 表格再试；“一键检查”和“清除标注”不受影响。`);
          } finally {
            page.onDone?.();
          }
          break;
        case 'btnCheck':
          run(() => checkActiveSheet(host()));
          break;
        case 'btnClear':
          run(async () => {
            const n = await host().clearAnnotations();
            return n === 0 ? '没有需要清除的标注。' : `已清除 ${n} 个单元格的标注，填充色和批注已恢复原样。`;
          });
          break;
      }
    },

    GetImage(control) {
      return IMAGES[control.Id] ?? IMAGES.btnCheck;
    },
  };
}

/** 一键检查: the active sheet, checked and marked; the summary the user reads. */
async function checkActiveSheet(host: WpsHost): Promise<string> {
  const { active } = await host.sheets();
  const result = checkWorkbook(await host.readSheets([active]), { profile: 'auto' });
  if (result.forms.length === 0) {
    return `工作表“${active}”上没有找到“财政项目支出绩效自评表”或“绩效目标申报表”。请确认表头文字，或在检查面板中选择其他工作表。`;
  }
  const { cells } = await host.annotate(result.findings);
  const count = (s: Finding['severity']) => result.findings.filter((f) => f.severity === s).length;
  const head = `已检查工作表“${active}”：共 ${result.forms.length} 张表。`;
  if (result.findings.length === 0) return `${head}\n没有发现问题。\n${result.profile.reason}`;
  return (
    `${head}\n发现错误 ${count('error')} 处、警告 ${count('warning')} 处、提示 ${count('info')} 处，已在 ${cells} 个单元格上标注（鼠标移到单元格上可看批注）。\n` +
    `${result.profile.reason}\n点击“清除标注”可恢复原样；打开检查面板可查看问题清单并生成“检查结果”工作表。`
  );
}

/** The task pane with this id, or null when WPS no longer has it (closed with its window). */
function paneWithId(page: AddinPage, id: unknown): EtObject | null {
  try {
    const pane = invoke<EtObject | null | undefined>(page.app(), 'GetTaskPane', id);
    return pane ?? null;
  } catch {
    return null;
  }
}

/**
 * Shows the task pane, creating it on first use; a second click hides it. The pane's id
 * is kept in PluginStorage where this WPS has it, so another page of the add-in finds it.
 */
function toggleTaskPane(page: AddinPage, known: unknown): unknown {
  const storage = prop<EtObject | undefined>(page.app(), 'PluginStorage');
  const stored = storage ? invoke(storage, 'getItem', TASKPANE_KEY) : known;
  // PluginStorage gives strings back (et-jsapi-declare: getItem(key): string); pane ids are numbers.
  const id = typeof stored === 'string' && /^\d+$/.test(stored) ? Number(stored) : stored;
  const existing = id !== null && id !== undefined && id !== '' ? paneWithId(page, id) : null;
  if (existing) {
    setProp(existing, 'Visible', !prop(existing, 'Visible'));
    return id;
  }
  const pane = call(page.app(), 'CreateTaskPane', page.taskpaneUrl) as EtObject;
  setProp(pane, 'Visible', true);
  const newId = prop(pane, 'ID');
  if (storage) invoke(storage, 'setItem', TASKPANE_KEY, newId);
  return newId;
}
