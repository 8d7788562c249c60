import iconv from 'iconv-lite';
import { decodeText } from '../../src/io/text';

describe('decodeText', () => {
  const sample = '项目名称\t“灵活就业群体”财政配比资金\n执行率\t84.13%\n';

  test('UTF-8, with or without a byte order mark', () => {
    expect(decodeText(Buffer.from(sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf-8' });
    expect(decodeText(Buffer.from('\uFEFF' + sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  test('GB18030 (as saved by Excel or Notepad on Chinese Windows)', () => {
    const bytes = iconv.encode(sample, 'gb18030');
    expect(decodeText(bytes)).toEqual({ text: sample, encoding: 'gb18030' });
  });

  test('a GB18030 four-byte character outside GBK survives', () => {
    const rare = '𠀀项目'; // U+20000, only in GB18030's four-byte range
    expect(decodeText(iconv.encode(rare, 'gb18030')).text).toBe(rare);
  });
});
