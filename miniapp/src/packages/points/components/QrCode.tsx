import { View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';
import { roleProps } from '../../../components/a11y';

/** Light modules around the code, as the QR standard asks, so a scanner finds its edges. */
const QUIET_ZONE = 4;

/** Each row of the code as runs of equal modules: far fewer Views than one per module. */
export function qrRuns(text: string): { size: number; rows: { dark: boolean; length: number }[][] } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const size = n + QUIET_ZONE * 2;
  const rows: { dark: boolean; length: number }[][] = [];
  for (let r = -QUIET_ZONE; r < n + QUIET_ZONE; r += 1) {
    const runs: { dark: boolean; length: number }[] = [];
    for (let c = -QUIET_ZONE; c < n + QUIET_ZONE; c += 1) {
      const dark = r >= 0 && r < n && c >= 0 && c < n && qr.isDark(r, c);
      const last = runs[runs.length - 1];
      if (last && last.dark === dark) last.length += 1;
      else runs.push({ dark, length: 1 });
    }
    rows.push(runs);
  }
  return { size, rows };
}

/**
 * A QR code drawn with plain Views (the same in weapp and H5, no canvas): black on white, whole
 * pixels per module so the edges stay sharp, about `widthPx` wide.
 */
export function QrCode({ text, widthPx, label, testId }: { text: string; widthPx: number; label: string; testId?: string }) {
  const { size, rows } = useMemo(() => qrRuns(text), [text]);
  const cell = Math.max(2, Math.floor(widthPx / size));
  return (
    <View className="pts-qr" style={{ width: `${cell * size}px` }} {...roleProps('img')} aria-label={label} data-testid={testId} data-qr-text={text}>
      {rows.map((runs, r) => (
        <View key={r} className="pts-qr__row" style={{ height: `${cell}px` }}>
          {runs.map((run, i) => (
            <View key={i} className={run.dark ? 'pts-qr__dark' : 'pts-qr__light'} style={{ width: `${run.length * cell}px`, height: `${cell}px` }} />
          ))}
        </View>
      ))}
    </View>
  );
}
