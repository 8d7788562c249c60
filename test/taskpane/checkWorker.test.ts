import { checkWorkbook } from '../../src/core/engine';
import { checkGrids, CheckOutcome } from '../../src/taskpane/checkGrids';
import type { CheckReply } from '../../src/taskpane/checkWorker';
import { planChange } from '../../src/taskpane/planChange';
import { fixtureTsv } from '../core/fixtures';
import { qingpuGrids } from '../hosts/excel/fixtures';

/** The worker's script run against a stand-in for its global scope, replies cloned as postMessage does. */
function runWorker(grids: unknown, profile: string): CheckReply[] {
  return send({ grids, profile });
}

function send(request: unknown): CheckReply[] {
  const replies: CheckReply[] = [];
  const scope: { onmessage: ((e: { data: unknown }) => void) | null; postMessage(r: CheckReply): void } = {
    onmessage: null,
    postMessage: (r) => replies.push(structuredClone(r)),
  };
  (globalThis as { self?: unknown }).self = scope;
  jest.isolateModules(() => require('../../src/taskpane/checkWorker'));
  scope.onmessage!({ data: structuredClone(request) });
  return replies;
}

function drain(grids: Parameters<typeof checkGrids>[0], profile: string): CheckOutcome {
  const steps = checkGrids(grids, profile);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

afterEach(() => delete (globalThis as { self?: unknown }).self);

describe('the check worker', () => {
  const baoshan = [fixtureTsv('baoshan-2022-self-eval')];

  test('reports progress form by form, then the same outcome as the pane would compute', () => {
    const replies = runWorker(baoshan, 'auto');
    const progress = replies.filter((r) => r.kind === 'progress');
    expect(progress.map((r) => r.kind === 'progress' && r.progress.done)).toEqual([...Array(20).keys()]);
    const last = replies.at(-1)!;
    expect(last.kind).toBe('done');
    // Cloned across the thread boundary, the outcome is still what the pane computes itself.
    // (structuredClone's Map comes from another realm than jest's: compare its entries.)
    const { projects, ...rest } = (last as Extract<CheckReply, { kind: 'done' }>).outcome;
    const { projects: expectedProjects, ...expected } = drain(baoshan, 'auto');
    expect(rest).toEqual(expected);
    expect([...projects]).toEqual([...expectedProjects]);
    expect(projects.size).toBe(19);
  });

  test('its findings are the engine’s, each with what it is about', () => {
    const last = runWorker(baoshan, 'auto').at(-1)!;
    const outcome = (last as Extract<CheckReply, { kind: 'done' }>).outcome;
    const engine = checkWorkbook(baoshan);
    expect(outcome.findings.map(({ subject: _, ...f }) => f)).toEqual(engine.findings);
    expect(outcome.formCount).toBe(19);
    expect(outcome.rule.reason).toBe(engine.profile.reason);
    expect(outcome.findings.find((f) => f.cell === 'I166')?.subject).toBe('系统维护数量');
    expect(outcome.findings.find((f) => f.cell === 'H226')?.subject).toBe('资金得分');
  });

  test('a failure is answered, not thrown', () => {
    const replies = runWorker(baoshan, 'no-such-rule');
    expect(replies.at(-1)).toEqual({ kind: 'failed', message: '未知的规则：no-such-rule' });
  });

  test('works out a change (全部改正) as planChange does, in one reply', async () => {
    const grids = await qingpuGrids();
    const request = { task: 'fixAll', grids, profile: 'national', form: null } as const;
    const replies = send(request);
    expect(replies).toEqual([{ kind: 'planned', change: planChange(request) }]);
    const change = (replies[0] as Extract<CheckReply, { kind: 'planned' }>).change;
    expect(change.cells).toEqual([
      { sheet: '表4', cell: 'H6', before: '8.72', after: '8.27' },
      { sheet: '表4', cell: 'G20', before: '96.52', after: '96.07' },
    ]);
  });
});
