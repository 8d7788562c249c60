/// <reference types="office-js" />
import { createExcelHost, officeExcelApi } from '../hosts/excel';
import { Host } from '../hosts/host';

export interface PickedHost {
  kind: Host['kind'];
  /** Null in preview until the user opens a file. */
  host: Host | null;
  displayLanguage?: string;
  dark?: boolean;
}

interface WpsWindow {
  wps?: unknown;
  Application?: unknown;
}

/**
 * Which spreadsheet the pane is running in: WPS 表格 exposes `wps` and `Application`;
 * Excel is known once Office.js reports it; anything else is a plain browser (preview).
 * Office.js may be absent (a page opened from disk), so it is only touched when defined.
 */
export async function pickHost(win: Window = window): Promise<PickedHost> {
  const w = win as unknown as WpsWindow;
  if (w.wps && w.Application) {
    const { createWpsHost } = await import(/* webpackChunkName: "wps" */ '../hosts/wps/index.js');
    return { kind: 'wps', host: createWpsHost(w.Application) };
  }
  if (typeof Office !== 'undefined') {
    const info = await Office.onReady();
    if (info.host === Office.HostType.Excel) {
      return {
        kind: 'excel',
        host: createExcelHost(officeExcelApi()),
        displayLanguage: Office.context.displayLanguage,
        dark: Office.context.officeTheme?.isDarkTheme,
      };
    }
  }
  return { kind: 'preview', host: null };
}
