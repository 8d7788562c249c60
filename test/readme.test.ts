import { readFileSync } from 'fs';
import { join } from 'path';
import { FINDING_CODES } from '../src/core/findings';
import { PROFILES } from '../src/core/profiles';
import * as perf from '../src/functions/perf';

/** The README is what users read first: its tables must say what the code does. */
const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

test('opens with exactly the two set-up commands', () => {
  const block = /^# .*\n+```bash\n([\s\S]*?)```/.exec(readme)![1];
  const commands = block.split('\n').filter((l) => l.trim() !== '').map((l) => l.replace(/\s+#.*$/, ''));
  expect(commands).toEqual(['npm ci && npm run check-example', 'npm ci && npm test']);
});

test('lists every finding code with its severity', () => {
  const names = { error: '错误', warning: '警告', info: '提示' };
  for (const [code, { severity }] of Object.entries(FINDING_CODES)) {
    expect(readme).toMatch(new RegExp(`\\| \`${code}\` \\| ${names[severity]} \\|`));
  }
});

test('lists every rule profile', () => {
  for (const p of PROFILES) expect(readme).toContain(`| \`${p.id}\` |`);
});

test('the function examples give what the README says', () => {
  expect(perf.rate(359000, 302003.6, 'round-up')).toBe(0.8413);
  expect(perf.score(41.2, 34.08)).toBe(8.27);
  expect(perf.indicator('≥176000.00(张)', '140000.00(张)', 20)).toBe(15.91);
  expect(perf.grade(96.07)).toBe('优');
  expect(perf.total([[15], [15], [20], [2.7], [2.8], [4], [28.3]], 8.27)).toBe(96.07);
  expect(perf.check([['≥10459.00(人)', '10412.00(人)', 10, 9, null]])).toBe('缺少偏差原因');
  expect(readme).toContain('`=PERF.RATE(359000, 302003.6, "round-up")` → 0.8413');
  expect(readme).toContain('`=PERF.SCORE(41.20, 34.08)` → 8.27');
  expect(readme).toContain('→ 15.91');
});
