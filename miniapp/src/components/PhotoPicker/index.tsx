import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ApiErrorBody } from '@village/shared';
import { useState } from 'react';
import { messages } from '../../constants/messages';
import type { Result, UploadFile } from '../../services/http';
import { roleProps } from '../a11y';
import { ErrorState } from '../ErrorState';
import { Button } from '../nutui';
import './index.css';

if (process.env.TARO_ENV === 'h5') {
  // The real file input laid over the big button: selectors that only mean something in the browser.
  require('./h5.css');
}

const p = messages.photos;

/** What an upload answers: the stored photo, with a link to show it. */
export interface UploadedPhoto {
  id: string;
  fileName: string;
  url: string;
}

interface Uploading {
  index: number;
  count: number;
  percent: number;
}

/**
 * Photos (a signed 签到表, a proposal's pictures, the work done): 拍照或选照片 on WeChat (compressed), a
 * file button on H5; they go up one at a time through `upload` with "正在上传第 2 张（共 3 张）：45%"
 * and a bar, and are listed with a thumbnail and 移除. At most `max`; extra ones are left out and
 * the person is told so.
 */
export function PhotoPicker<T extends UploadedPhoto>({
  label,
  hint,
  max,
  upload,
  value,
  onChange,
  onBusy,
  error,
  testId,
}: {
  label: string;
  hint?: string;
  max: number;
  upload: (file: Pick<UploadFile, 'filePath' | 'fileName' | 'onProgress'>) => Promise<Result<T>>;
  value: T[];
  onChange: (files: T[]) => void;
  onBusy?: (busy: boolean) => void;
  error?: string | null;
  testId: string;
}) {
  const [progress, setProgress] = useState<Uploading | null>(null);
  const [failed, setFailed] = useState<ApiErrorBody | null>(null);
  const [tooMany, setTooMany] = useState(false);
  const room = Math.max(0, max - value.length);

  async function send(files: Array<{ path: string; name: string }>): Promise<void> {
    const taken = files.slice(0, room);
    setTooMany(files.length > taken.length);
    if (taken.length === 0) return;
    setFailed(null);
    onBusy?.(true);
    const added: T[] = [];
    for (let i = 0; i < taken.length; i += 1) {
      setProgress({ index: i + 1, count: taken.length, percent: 0 });
      const r = await upload({
        filePath: taken[i].path,
        fileName: taken[i].name,
        onProgress: (percent) => setProgress({ index: i + 1, count: taken.length, percent }),
      });
      if (r.ok) added.push(r.data);
      else {
        setFailed(r.error);
        break;
      }
    }
    setProgress(null);
    onBusy?.(false);
    onChange([...value, ...added]);
  }

  async function pick(): Promise<void> {
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      await send(res.tempFiles.map((f, i) => ({ path: f.path ?? res.tempFilePaths[i], name: (f.path ?? '').split('/').pop() || `照片${i + 1}.jpg` })));
    } catch {
      // Closed without choosing.
    }
  }

  const busy = progress !== null;
  return (
    <View className="photo-picker" data-testid={testId}>
      <Text className="photo-picker__label">{label}</Text>
      {hint ? <Text className="photo-picker__muted">{hint}</Text> : null}
      <Text className="photo-picker__muted" data-testid={`${testId}-count`}>
        {p.count(value.length, max)}
      </Text>
      {value.map((f, i) => (
        <View key={f.id} className="photo-picker__item" data-testid={`${testId}-item-${i + 1}`}>
          <Image className="photo-picker__thumb" src={f.url} mode="aspectFill" ariaLabel={p.alt(i + 1)} nativeProps={{ alt: p.alt(i + 1) }} />
          <Text className="photo-picker__name">{`✓ ${p.item(i + 1)}`}</Text>
          <Button className="photo-picker__remove" type="default" fill="outline" disabled={busy} onClick={() => onChange(value.filter((x) => x.id !== f.id))} data-testid={`${testId}-remove-${i + 1}`}>
            {p.remove}
          </Button>
        </View>
      ))}
      {progress ? (
        <View className="photo-picker__upload" {...roleProps('status')} aria-live="polite" data-testid={`${testId}-progress`}>
          <Text className="photo-picker__line">{p.uploading(progress.index, progress.count, progress.percent)}</Text>
          <View className="photo-picker__track" aria-hidden>
            <View className="photo-picker__fill" style={{ width: `${progress.percent}%` }} />
          </View>
        </View>
      ) : null}
      {room === 0 ? (
        <Text className="photo-picker__line photo-picker__strong">{p.full(max)}</Text>
      ) : process.env.TARO_ENV === 'h5' ? (
        <label className={`photo-picker__file${busy ? ' photo-picker__file--busy' : ''}`}>
          <input
            className="photo-picker__input"
            type="file"
            multiple
            disabled={busy}
            accept="image/jpeg,image/png,.jpg,.jpeg,.png"
            data-testid={`${testId}-file`}
            onChange={(e) => {
              const input = e.currentTarget;
              const files = Array.from(input.files ?? []).map((f) => ({ path: URL.createObjectURL(f), name: f.name }));
              input.value = '';
              void send(files);
            }}
          />
          <span>{p.add}</span>
        </label>
      ) : (
        <Button className="big-button photo-picker__pick" type="primary" fill="outline" block disabled={busy} onClick={() => void pick()} data-testid={`${testId}-pick`}>
          {p.add}
        </Button>
      )}
      {tooMany ? <Text className="photo-picker__warn">{`⚠ ${p.tooMany(max)}`}</Text> : null}
      {failed ? <ErrorState error={failed} title={p.failed} /> : null}
      {error ? <Text className="photo-picker__error">{error}</Text> : null}
    </View>
  );
}
