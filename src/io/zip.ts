import { inflateRawSync } from 'zlib';

/**
 * Just enough of the ZIP format (APPNOTE.TXT 6.3: end of central directory, central
 * directory headers, ZIP64 extra fields, local headers) to see what an .xlsx holds and
 * how big it really is before exceljs inflates it all into memory. Sizes written in
 * the directory may lie, so `inflateEntry` enforces the budget on the actual output,
 * with zlib's own `maxOutputLength` stopping the inflation.
 */
export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The file is not a readable zip archive; the message is for the user. */
export class ZipError extends Error {}

/** The entry inflates to more than the bytes it was allowed. */
export class ZipBudgetError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const broken = (what: string) => new ZipError(`工作簿已损坏或不完整，无法打开（${what}）`);

export function zipEntries(bytes: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  let total = bytes.readUInt16LE(eocd + 10);
  let size = bytes.readUInt32LE(eocd + 12);
  let offset = bytes.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && bytes.readUInt32LE(locator) === ZIP64_LOCATOR) {
    const at = safeNumber(bytes.readBigUInt64LE(locator + 8));
    if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== ZIP64_EOCD) throw broken('ZIP64 目录位置不对');
    total = safeNumber(bytes.readBigUInt64LE(at + 32));
    size = safeNumber(bytes.readBigUInt64LE(at + 40));
    offset = safeNumber(bytes.readBigUInt64LE(at + 48));
  }
  if (offset + size > bytes.length) throw broken('文件被截断，缺少 zip 目录');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < total; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw broken('zip 目录已损坏');
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength > bytes.length) throw broken('zip 目录已损坏');
    const entry: ZipEntry = {
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
      method: bytes.readUInt16LE(p + 10),
      encrypted: (bytes.readUInt16LE(p + 8) & 1) === 1,
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      localHeaderOffset: bytes.readUInt32LE(p + 42),
    };
    readZip64Extra(bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= stop; p--) if (bytes.readUInt32LE(p) === EOCD) return p;
  throw broken('找不到 zip 目录，文件可能被截断');
}

/** Sizes and offset that do not fit 32 bits are 0xFFFFFFFF, with the real value in extra field 0x0001. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + length || q + 8 > extra.length) throw broken('ZIP64 信息不完整');
        const v = safeNumber(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    p += 4 + length;
  }
}

function safeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw broken('zip 中的大小不合理');
  return Number(n);
}

/** The entry's bytes, or ZipBudgetError as soon as they pass `maxBytes`. */
export function inflateEntry(bytes: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== LOCAL) throw broken(`${entry.name} 的位置不对`);
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  if (start + entry.compressedSize > bytes.length) throw broken(`${entry.name} 被截断`);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipBudgetError();
    return data;
  }
  if (entry.method !== 8) throw broken(`${entry.name} 使用了不支持的压缩方式 ${entry.method}`);
  if (maxBytes < 1) throw new ZipBudgetError();
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipBudgetError();
    throw broken(`${entry.name} 无法解压`);
  }
}
