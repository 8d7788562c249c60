import { Page } from 'playwright-core';

/** Microsoft's office.js CDN: the one other origin the page itself may ask. */
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
/** The Office library's own files, served from the CDN or (fallback) from the add-in's origin. */
const OFFICE_LIBRARY = /\/(office|o15apptofilemappingtable|excel-[\w.-]+|custom-functions-runtime|office_strings|oteljs_agave)\.js$/;

export interface Initiated {
  url: string;
  /** The script (or page) that asked for it: the top frame of the initiator's stack. */
  by: string;
}

/**
 * Every request the page makes, with who initiated it, from Chromium's own network log
 * (DevTools protocol: Network.requestWillBeSent's initiator). Requests to other origins
 * are blocked by the tests' routes, so what office.js itself tries (its telemetry, which
 * may or may not fire before the test ends) changes nothing and is not the pane's.
 */
export async function recordRequests(page: Page): Promise<Initiated[]> {
  const seen: Initiated[] = [];
  const cdp = await page.context().newCDPSession(page);
  type Frames = { callFrames: { url: string }[]; parent?: Frames };
  const topFrame = (stack?: Frames): string => {
    for (let s = stack; s; s = s.parent) if (s.callFrames.length > 0) return s.callFrames[0].url;
    return '';
  };
  cdp.on('Network.requestWillBeSent', (e: { request: { url: string }; initiator: { url?: string; stack?: Frames } }) =>
    seen.push({ url: e.request.url, by: topFrame(e.initiator.stack) || e.initiator.url || '' }),
  );
  await cdp.send('Network.enable');
  return seen;
}

/** Requests to another origin than `origin` that the pane's own page or bundles made. */
export function foreignFromPane(seen: Initiated[], origin: string): Initiated[] {
  const isLibrary = (url: string) => OFFICE_LIBRARY.test(new URL(url, origin).pathname);
  return seen.filter((r) => {
    if (r.url.startsWith(origin) || r.url.startsWith('data:') || r.url.startsWith('blob:')) return false;
    // The one request the page makes elsewhere: office.js from the CDN, in <head>.
    if (r.url === `${OFFICE_CDN}office.js` && r.by.startsWith(`${origin}/taskpane.html`)) return false;
    // What the Office library fetches is Microsoft's, not the pane's.
    return !(r.by !== '' && isLibrary(r.by));
  });
}
