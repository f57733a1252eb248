/** `inline; filename="…"; filename*=UTF-8''…` with an ASCII fallback for old clients. */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot >= 0 ? fileName.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const stem = (dot >= 0 ? fileName.slice(0, dot) : fileName).replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const ascii = /[A-Za-z0-9]/.test(stem) ? `${stem}${ext}` : `notice${ext}`;
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
