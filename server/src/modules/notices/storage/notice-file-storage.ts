/**
 * Where attachment bytes live, by key (`<villageId>/<attachmentId>`). Local disk by default
 * (LocalNoticeFileStorage); object storage can replace it by providing another implementation for
 * this token in NoticesModule. Keys are made by the server, never taken from a request.
 */
export abstract class NoticeFileStorage {
  abstract put(key: string, content: Buffer): Promise<void>;
  /** Null when there is no such file. */
  abstract get(key: string): Promise<Buffer | null>;
  /** Deleting a missing file is not an error. */
  abstract delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

export function assertStorageKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not a notice file key: ${key}`);
}

export function storageKey(villageId: string, attachmentId: string): string {
  const key = `${villageId}/${attachmentId}`;
  assertStorageKey(key);
  return key;
}
