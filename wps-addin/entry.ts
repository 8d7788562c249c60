import { ribbonCallbacks } from '../src/hosts/wps/ribbon';
import { taskpaneUrl } from '../src/hosts/wps/taskpaneUrl';

/**
 * The add-in's entry script (loaded by index.html). WPS looks the ribbon.xml callbacks
 * up as global functions of this page, so they are put on the global object.
 */
const page = globalThis as unknown as {
  Application: unknown;
  wps: unknown;
  alert(message: string): void;
  location: { href: string };
  localStorage?: Storage;
};

Object.assign(
  globalThis,
  ribbonCallbacks({
    app: () => page.Application,
    wps: () => page.wps,
    alert: (message) => page.alert(message),
    taskpaneUrl: taskpaneUrl(page.location.href),
    storage: page.localStorage ?? null,
  }),
);
