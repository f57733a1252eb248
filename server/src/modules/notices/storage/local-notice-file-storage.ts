import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertStorageKey, NoticeFileStorage } from './notice-file-storage';

/** Attachments as files under NOTICE_FILES_DIR: `<dir>/<villageId>/<attachmentId>`, written atomically. */
export class LocalNoticeFileStorage extends NoticeFileStorage {
  constructor(private readonly dir: string) {
    super();
  }

  async put(key: string, content: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o750 });
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, content, { mode: 0o640, flag: 'wx' });
    await rename(temp, path);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  private path(key: string): string {
    assertStorageKey(key);
    return join(this.dir, key);
  }
}
