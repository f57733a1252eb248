/**
 * An .xlsx is a zip. Before exceljs inflates one in memory, read the sizes its central directory
 * declares and refuse archives that would inflate far beyond any real roster (a "zip bomb").
 */

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;

/** Total declared uncompressed size, or null when the archive is not a plain (non-ZIP64) zip. */
export function zipUncompressedTotal(buffer: Buffer): number | null {
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= earliest; i -= 1) {
    if (buffer.readUInt32LE(i) !== EOCD) continue;
    const entries = buffer.readUInt16LE(i + 10);
    const offset = buffer.readUInt32LE(i + 16);
    if (entries === 0xffff || offset === 0xffffffff) return null;
    let p = offset;
    let total = 0;
    for (let e = 0; e < entries; e += 1) {
      if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== CENTRAL_ENTRY) return null;
      const size = buffer.readUInt32LE(p + 24);
      if (size === 0xffffffff) return null;
      total += size;
      p += 46 + buffer.readUInt16LE(p + 28) + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
    }
    return total;
  }
  return null;
}
