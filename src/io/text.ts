import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'gb18030';

/**
 * Text files saved on Chinese Windows are often GB18030 (GBK), not UTF-8. A valid UTF-8
 * byte sequence is taken as UTF-8, since GB18030 text of any length almost never is;
 * anything else is read as GB18030, which maps every byte sequence to some text.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gb18030' };
  }
}
