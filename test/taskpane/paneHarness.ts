import { act, fireEvent, screen } from '@testing-library/react';

/**
 * What the jsdom tests of the task pane share: the layout pieces Fluent UI asks for and
 * jsdom lacks, the finding cards, and the 更多 menu.
 */

/** Fluent UI measures elements jsdom does not lay out: the APIs it calls, inert. Call in beforeAll. */
export function stubLayout(): void {
  window.matchMedia ??= ((q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {} })) as never;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as never;
}

/**
 * For tests that check through the pane: the first check loads the engine's chunk and the
 * machine may be busy with other suites, so the limit is generous (never a measure of speed).
 */
export const LONG = { timeout: 60_000 };

/** The finding cards in the list, in order. */
export const cards = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-code]')];

/** Opens the 更多 menu (or another menu button) and picks an item. */
export async function menu(item: string, trigger = '更多'): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: trigger }));
  const entry = await screen.findByRole('menuitem', { name: item });
  await act(async () => fireEvent.click(entry));
}
