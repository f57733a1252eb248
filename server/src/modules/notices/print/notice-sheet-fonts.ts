import { readFileSync } from 'node:fs';

/*
 * The sheet's typeface: Noto Sans SC (思源黑体 SC, SIL Open Font License 1.1), shipped by the npm
 * package @expo-google-fonts/noto-sans-sc as static TrueType files (glyf outlines), which pdfkit's
 * fontkit subsets: only the glyphs a sheet uses are embedded, so a one-page notice stays small.
 *
 * Paths are resolved through the package, not relative to this file, so the same code works from
 * src/ (ts-jest, ts-node) and from dist/. The files are read once, on the first sheet, and kept.
 */
const PACKAGE = '@expo-google-fonts/noto-sans-sc';

export const SHEET_FONT_FILES = {
  regular: `${PACKAGE}/400Regular/NotoSansSC_400Regular.ttf`,
  bold: `${PACKAGE}/700Bold/NotoSansSC_700Bold.ttf`,
} as const;

export type SheetFontWeight = keyof typeof SHEET_FONT_FILES;

const loaded = new Map<SheetFontWeight, Buffer>();

export function sheetFontPath(weight: SheetFontWeight): string {
  return require.resolve(SHEET_FONT_FILES[weight]);
}

export function sheetFontData(weight: SheetFontWeight): Buffer {
  let data = loaded.get(weight);
  if (!data) {
    data = readFileSync(sheetFontPath(weight));
    loaded.set(weight, data);
  }
  return data;
}
