export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Set when some bytes could not be read and were replaced by U+FFFD: what to tell the user. */
  warning?: string;
}

/** The bytes are no text this reader knows; the message is for the user. */
export class TextEncodingError extends Error {}

const BOMS: { bytes: number[]; encoding: TextEncoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  // Excel's “Unicode 文本” and Notepad's “Unicode” are UTF-16 with a byte order mark.
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030' },
];

/**
 * Text files come as UTF-8, as GB18030 (GBK) from Chinese Windows, or as UTF-16 from
 * Excel's “Unicode 文本”. A byte order mark decides; without one, valid UTF-8 is UTF-8
 * (GB18030 text of any length almost never is), then valid GB18030 is GB18030. A file
 * that is neither but mostly UTF-8 (at least 10 well-formed multi-byte characters for
 * each bad byte) is UTF-8 with a few damaged bytes: they become U+FFFD and the user is
 * warned, instead of the whole file turning into GB18030 mojibake. Anything else is
 * refused with TextEncodingError. Line ends (CRLF, LF, or CR alone from old Mac
 * exports) all become LF.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = BOMS.find((b) => b.bytes.every((x, i) => bytes[i] === x));
  if (bom) return withBom(bytes.subarray(bom.bytes.length), bom.encoding);
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { text: lines(utf8), encoding: 'utf-8' };
  const { valid, bad, firstBad } = utf8Shape(bytes);
  if (valid >= 10 * bad) return damaged(bytes, 'utf-8', bad, firstBad);
  const gb = strict('gb18030', bytes);
  if (gb !== null) return { text: lines(gb), encoding: 'gb18030' };
  throw new TextEncodingError('无法识别文本编码：既不是有效的 UTF-8，也不是 GB18030（GBK）；请用记事本或 Excel 另存为 UTF-8 文本后再检查');
}

function withBom(body: Uint8Array, encoding: TextEncoding): DecodedText {
  const text = strict(encoding, body);
  if (text !== null) return { text: lines(text), encoding };
  // The mark says what the file is: read it as that, and say which bytes did not fit.
  const firstBad = encoding === 'utf-8' ? utf8Shape(body).firstBad : -1;
  return damaged(body, encoding, null, firstBad);
}

function strict(encoding: TextEncoding, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function damaged(bytes: Uint8Array, encoding: TextEncoding, bad: number | null, firstBad: number): DecodedText {
  const text = lines(new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes));
  const where = firstBad >= 0 ? `，第一处在第 ${lineOf(bytes, firstBad)} 行` : '';
  const howMany = bad === null ? '有' : `有 ${bad} 处`;
  return {
    text,
    encoding,
    warning: `文件按 ${encoding.toUpperCase()} 读取，但${howMany}字节不符合该编码${where}，已替换为“\uFFFD”；请核对这些单元格`,
  };
}

/** Well-formed UTF-8 multi-byte sequences and bytes that fit no sequence. */
function utf8Shape(bytes: Uint8Array): { valid: number; bad: number; firstBad: number } {
  let valid = 0;
  let bad = 0;
  let firstBad = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (!ok) {
      bad++;
      if (firstBad < 0) firstBad = i;
      i++;
    } else {
      if (length > 1) valid++;
      i += length;
    }
  }
  return { valid, bad, firstBad };
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  return line;
}

function lines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
