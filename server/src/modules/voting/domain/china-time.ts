/** Villages keep China Standard Time (UTC+8, no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** "11月30日 18:00", with the year when it is not the year of `now`; Beijing time whatever the server's zone. */
export function formatChinaMoment(instant: Date, now: Date): string {
  const local = new Date(instant.getTime() + CHINA_OFFSET_MS);
  const year = new Date(now.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
  const pad = (n: number): string => String(n).padStart(2, '0');
  const md = `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return local.getUTCFullYear() === year ? md : `${local.getUTCFullYear()}年${md}`;
}

/** Whole seconds: MySQL DATETIME keeps no fraction, so every stored instant is truncated first. */
export function toSecond(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}

/** "还剩 3 天" / "还剩 5 小时" / "还剩 20 分钟", for share cards. */
export function remainingWords(until: Date, now: Date): string {
  const ms = until.getTime() - now.getTime();
  if (ms <= 0) return '已截止';
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `还剩 ${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `还剩 ${hours} 小时`;
  return `还剩 ${Math.floor(hours / 24)} 天`;
}
