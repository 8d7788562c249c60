/// <reference types="office-js" />

/**
 * Sizing `context.sync()` calls by payload.
 *
 * "Excel on the web has a payload size limit for requests and responses of 5MB.
 * RichAPI.Error will be thrown if that limit is exceeded … Split the operation into
 * smaller pieces as needed. Call context.sync() for each sub-operation"
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 * section "Excel add-ins"). The payload "is a combination of … the number of API calls,
 * the number of objects … and the length of the value to set or get"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/performance, "Payload size limit
 * best practices"). So each sync carries a group of work whose estimate (calls × a
 * generous per-call size + the JSON of the values) stays within SYNC_BUDGET, and the
 * number of syncs grows with the data, one per ~4 MB, never one per block or cell.
 */
export const SYNC_BUDGET = 4 * 1024 * 1024;

/**
 * Estimated request bytes of one API call or object path (type, method name, ids,
 * parent path) on top of its arguments, e.g. `{"Id":7,"ActionType":4,"Name":"color",
 * "ObjectPathId":6,"ArgumentInfo":{…}}`: about 100 bytes in Office.js requests.
 */
export const CALL_BYTES = 128;

/** UTF-8 length of a string (surrogate pairs are 4 bytes, other non-ASCII 2 or 3). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 size of the JSON of a value, as it travels to and from Excel. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? 'null');
}

/** The codes Office.js gives a sync rejected for its size (Excel.ErrorCodes). */
export function isPayloadError(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/**
 * A read whose response size is only an estimate: queued, synced, then collected.
 * `bytes` estimates request + response; `queue` may be called again after a failed sync.
 */
export interface ReadItem<T> {
  bytes: number;
  queue(context: Excel.RequestContext): () => T;
}

/**
 * Runs reads in groups of at most SYNC_BUDGET estimated bytes. A group whose response
 * turns out larger than Excel accepts is split in two and read again (reads change
 * nothing, so a retry is safe); a single item that is too large fails the batch.
 */
export async function readInGroups<T>(context: Excel.RequestContext, items: ReadItem<T>[]): Promise<T[]> {
  const out: T[] = [];
  const readGroup = async (group: ReadItem<T>[]): Promise<void> => {
    const collect = group.map((item) => item.queue(context));
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || group.length === 1) throw e;
      const half = Math.ceil(group.length / 2);
      await readGroup(group.slice(0, half));
      await readGroup(group.slice(half));
      return;
    }
    for (const c of collect) out.push(c());
  };
  for (const group of groupsOf(items)) await readGroup(group);
  return out;
}

/** Consecutive groups of items whose estimates add up to at most SYNC_BUDGET. */
export function groupsOf<T extends { bytes: number }>(items: T[], budget = SYNC_BUDGET): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length > 0 && bytes + item.bytes > budget) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * What a failed action may have changed, so that its error message says only what is
 * true: Excel applies the commands of a failed batch that ran before the failure and
 * does not roll them back, so a stage counts as soon as its first sync is sent.
 * - `nothing`: no sync carrying a write was sent: "工作簿未被修改" is true;
 * - `snapshot`: only PerfCheck's hidden record of original formats was written;
 * - `cells`: cells the user sees (fills, notes, the 检查结果 sheet) may have changed.
 */
export interface ChangeLog {
  changed: 'nothing' | 'snapshot' | 'cells';
}

const STAGE_ORDER: ChangeLog['changed'][] = ['nothing', 'snapshot', 'cells'];

/**
 * Writes queued in groups of about SYNC_BUDGET estimated bytes, one sync per group:
 * `add` queues one item (which returns its estimate) and syncs once the group has
 * reached the budget, so a group exceeds it by at most one item (items are one cell,
 * one row or one chunk of at most a few hundred KB); `flush` syncs what is left.
 */
export class WriteBatch {
  private pending = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly log: ChangeLog,
    private readonly stage: Exclude<ChangeLog['changed'], 'nothing'>,
  ) {}

  async add(queue: () => number): Promise<void> {
    this.pending += queue();
    if (this.pending >= SYNC_BUDGET) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    this.pending = 0;
    if (STAGE_ORDER.indexOf(this.stage) > STAGE_ORDER.indexOf(this.log.changed)) this.log.changed = this.stage;
    await this.context.sync();
  }
}
