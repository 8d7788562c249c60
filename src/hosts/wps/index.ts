import { Host } from '../host';
import { WpsHost } from './wpsHost';

/** The Host for WPS 表格; `app` is the add-in page's `window.Application`. */
export function createWpsHost(app: unknown): Host {
  return new WpsHost(app);
}
