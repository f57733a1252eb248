/** Dates as villagers read them: "11月25日", with the year only when it is not this year. */
export function formatChineseDate(date: Date, today: Date = new Date()): string {
  const md = `${date.getMonth() + 1}月${date.getDate()}日`;
  return date.getFullYear() === today.getFullYear() ? md : `${date.getFullYear()}年${md}`;
}
