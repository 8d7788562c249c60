import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Ends every CSS transition and animation at once, so that what axe sees is the settled page. */
const SETTLED_STYLE = `*, *::before, *::after {
  transition-duration: 0s !important; transition-delay: 0s !important;
  animation-duration: 0s !important; animation-delay: 0s !important;
}`;

interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's violations (every rule it runs by default) on the page as the user sees it
 * once it has settled. Fluent UI fades message bars, menus and hover colours in with CSS
 * transitions and the Web Animations API; on a loaded machine axe can run mid-fade, when
 * a colour is between two states and its contrast is neither's. So transitions are
 * switched off, running animations finished, and two frames drawn before axe runs.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: AXE });
    await page.addStyleTag({ content: SETTLED_STYLE });
  }
  await page.evaluate(async () => {
    for (const animation of document.getAnimations()) {
      try {
        animation.finish();
      } catch {
        // An endless animation (an indeterminate progress bar) cannot finish: it keeps running.
      }
    }
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  const violations = await page.evaluate(
    async () => (await (window as unknown as { axe: { run(c: Document): Promise<{ violations: AxeViolation[] }> } }).axe.run(document)).violations,
  );
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
