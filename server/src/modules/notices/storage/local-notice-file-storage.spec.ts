import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalNoticeFileStorage } from './local-notice-file-storage';
import { storageKey } from './notice-file-storage';

describe('LocalNoticeFileStorage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'notice-files-'));
  const storage = new LocalNoticeFileStorage(dir);
  const village = '11111111-1111-4111-8111-111111111111';
  const key = storageKey(village, '22222222-2222-4222-8222-222222222222');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('puts, gets and deletes by key, one folder per village, leaving no temp files', async () => {
    await storage.put(key, Buffer.from('%PDF-1.7 内容'));
    expect((await storage.get(key))?.toString()).toBe('%PDF-1.7 内容');
    expect(readdirSync(join(dir, village))).toEqual(['22222222-2222-4222-8222-222222222222']);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('refuses keys that could leave its folder', async () => {
    expect(() => storageKey('..', 'x')).toThrow('not a notice file key');
    await expect(storage.get('../../etc/passwd')).rejects.toThrow('not a notice file key');
    await expect(storage.put(`${village}/../../x`, Buffer.from('x'))).rejects.toThrow('not a notice file key');
  });
});
