/**
 * One-time messages carried to the next page (Taro.switchTab takes no query): the bind page leaves
 * "绑定成功：…" for 我的, which shows it until the person leaves the page. Kept in memory only.
 */
export interface Flash {
  title: string;
  lines: string[];
}

let pending: Flash | null = null;

export function setFlash(flash: Flash): void {
  pending = flash;
}

/** Returns the waiting message once, then forgets it. */
export function takeFlash(): Flash | null {
  const flash = pending;
  pending = null;
  return flash;
}
