import iconv from 'iconv-lite';
import { decodeText, TextEncodingError } from '../../src/io/text';

describe('decodeText', () => {
  const sample = '项目名称\t“灵活就业群体”财政配比资金\n执行率\t84.13%\n';

  test('UTF-8, with or without a byte order mark', () => {
    expect(decodeText(Buffer.from(sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf-8' });
    expect(decodeText(Buffer.from('\uFEFF' + sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  test('GB18030 (as saved by Excel or Notepad on Chinese Windows), with or without its byte order mark', () => {
    const bytes = iconv.encode(sample, 'gb18030');
    expect(decodeText(bytes)).toEqual({ text: sample, encoding: 'gb18030' });
    const withBom = Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), bytes]);
    expect(decodeText(withBom)).toEqual({ text: sample, encoding: 'gb18030' });
  });

  test('a GB18030 four-byte character outside GBK survives', () => {
    const rare = '𠀀项目'; // U+20000, only in GB18030's four-byte range
    expect(decodeText(iconv.encode(rare, 'gb18030')).text).toBe(rare);
  });

  test('UTF-16 LE and BE with a byte order mark (Excel “Unicode 文本”, CRLF line ends)', () => {
    const crlf = sample.replace(/\n/g, '\r\n');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(le)).toEqual({ text: sample, encoding: 'utf-16le' });
    expect(decodeText(be)).toEqual({ text: sample, encoding: 'utf-16be' });
  });

  test('CR-only line ends (old Mac exports) read like LF; CRLF too', () => {
    expect(decodeText(Buffer.from(sample.replace(/\n/g, '\r'), 'utf8')).text).toBe(sample);
    expect(decodeText(iconv.encode(sample.replace(/\n/g, '\r'), 'gb18030')).text).toBe(sample);
    expect(decodeText(Buffer.from('a\r\nb\rc\n', 'utf8')).text).toBe('a\nb\nc\n');
  });

  test('UTF-8 with one stray byte stays UTF-8: the byte becomes U+FFFD and the warning names its line', () => {
    const bytes = Buffer.from(sample + '合计\t100\n', 'utf8');
    const at = bytes.indexOf(Buffer.from('84.13', 'utf8'));
    bytes[at] = 0xb8; // a lone continuation byte where the 8 was
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(sample.replace('84.13', '\uFFFD4.13') + '合计\t100\n');
    expect(decoded.warning).toBe('文件按 UTF-8 读取，但有 1 处字节不符合该编码，第一处在第 2 行，已替换为“\uFFFD”；请核对这些单元格');
  });

  test('a UTF-8 byte order mark with bad bytes after it: still UTF-8, with a warning', () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFF项目名称\t', 'utf8'), Buffer.from([0xff]), Buffer.from('\n', 'utf8')]);
    const decoded = decodeText(bytes);
    expect(decoded).toMatchObject({ text: '项目名称\t\uFFFD\n', encoding: 'utf-8' });
    expect(decoded.warning).toContain('第 1 行');
  });

  test('GB18030 text with a few bytes that happen to be valid UTF-8 is still GB18030', () => {
    // 某 is C4 B3 in GB18030, which is also a valid two-byte UTF-8 sequence (U+0133).
    const text = '某项目资金执行率偏低，某单位需说明原因\n';
    expect(decodeText(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
  });

  test('bytes that are neither UTF-8 nor GB18030: a Chinese error, not an empty clean file', () => {
    expect(() => decodeText(Buffer.from([0xff, 0x00, 0xff, 0x81, 0x7f, 0xfe, 0x20, 0xff]))).toThrow(TextEncodingError);
    expect(() => decodeText(Buffer.from([0xff, 0x00, 0xff, 0x81]))).toThrow(/无法识别文本编码/);
  });
});
