/// <reference types="et-jsapi-declare" />
import { FakeEt } from '../hosts/wps/fakeEt';

/**
 * What WPS gives an add-in page besides the spreadsheet, as et-jsapi-declare 2.5.0
 * (index.d.ts) types it, taking the least generous reading: `CreateTaskPane(url,
 * title?)` returns a pane with a number `ID`, hidden until `Visible` is set;
 * `GetTaskPane(id: number)` finds it by that number only; `PluginStorage.getItem(key)`
 * returns a string (`getItem(key: string): string`) whatever was stored, null for a key
 * never set. Layered over a FakeEt application.
 */
export interface FakePane {
  ID: number;
  url: string;
  Visible: boolean;
}

export function addinApplication(et: FakeEt) {
  const panes: FakePane[] = [];
  const storage = new Map<string, unknown>();
  const app = Object.create(et.application) as Record<string, unknown>;
  Object.assign(app, {
    CreateTaskPane(url: string): FakePane {
      const pane = { ID: panes.length + 1, url, Visible: false };
      panes.push(pane);
      return pane;
    },
    GetTaskPane(id: number): FakePane | null {
      return panes.find((p) => p.ID === id) ?? null;
    },
    PluginStorage: {
      getItem: (k: string) => (storage.has(k) ? String(storage.get(k)) : null),
      setItem: (k: string, v: number | boolean | string) => void storage.set(k, v),
    },
  });
  return { app, panes };
}

type AddCustomFunction = WPS.EtAddonRoot['AddCustomFunction'];
type Metadata = NonNullable<Parameters<AddCustomFunction>[3]>;

/**
 * `window.wps` of a WPS that has cell functions (12.1.0.20540 on), keeping what was
 * registered: `AddCustomFunction(namespace, name, callback, metadata?)` as typed by
 * et-jsapi-declare 2.5.0 (addon.et.d.ts).
 */
export function wpsWithFunctions() {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const metadata = new Map<string, Metadata | undefined>();
  const add: AddCustomFunction = (namespace, name, callback, meta) => {
    registered.set(`${namespace}.${name}`, callback as (...args: unknown[]) => unknown);
    metadata.set(`${namespace}.${name}`, meta);
  };
  return { registered, metadata, wps: { AddCustomFunction: add } };
}

/** A localStorage that lives as long as the test. */
export function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}
