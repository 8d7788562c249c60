import { constants, promises as fs } from 'fs';
import { megabytes, overLimit } from './limits';

/** The path is no regular file (a FIFO, a device, a socket); the message is for the user. */
export class NotAFileError extends Error {}

/**
 * A regular file's bytes, at most `maxBytes` of them. The file is opened without
 * blocking and checked on the open handle, so a FIFO or a device put in a file's place
 * after it was listed is refused instead of hanging the run or filling memory (reading
 * /dev/zero never ends).
 */
export async function readBounded(file: string, maxBytes: number): Promise<Buffer> {
  const handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new NotAFileError(notAFileMessage(file));
    if (stat.size > maxBytes) throw overLimit('文件大小', megabytes(stat.size), megabytes(maxBytes), '--max-size');
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    await handle.close();
  }
}

export function notAFileMessage(file: string): string {
  return `不是普通文件，不会读取：${file}（命名管道、设备和套接字可能永远读不完）`;
}
