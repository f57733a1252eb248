import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ApiErrorBody, MatterFile } from '@village/shared';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';
import { uploadMatterFile } from '../../../services/api/matters';

const m = messages.matters;

/**
 * Photos of a paper record (the signed 签到表) or of the work done (进度, 结果): 拍照或选照片 on WeChat,
 * a file button on H5; each goes up at once and is listed by name with 移除. The ids are what is sent.
 */
export function PhotoPicker({
  label,
  hint,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  hint?: string;
  value: MatterFile[];
  onChange: (files: MatterFile[]) => void;
  error?: string | null;
  testId: string;
}) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<ApiErrorBody | null>(null);

  async function upload(files: Array<{ path: string; name: string }>): Promise<void> {
    setBusy(true);
    setFailed(null);
    const added: MatterFile[] = [];
    for (const f of files) {
      const r = await uploadMatterFile({ filePath: f.path, fileName: f.name });
      if (r.ok) added.push(r.data);
      else {
        setFailed(r.error);
        break;
      }
    }
    setBusy(false);
    onChange([...value, ...added]);
  }

  async function pick(): Promise<void> {
    try {
      const res = await Taro.chooseImage({ count: 9, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      await upload(res.tempFiles.map((f, i) => ({ path: f.path ?? res.tempFilePaths[i], name: (f.path ?? '').split('/').pop() || `照片${i + 1}.jpg` })));
    } catch {
      // Closed without choosing.
    }
  }

  return (
    <View data-testid={testId}>
      <Text className="matter-field-label">{label}</Text>
      <Text className="matter-muted">{hint ? `${hint}。${m.photoCount(value.length)}` : m.photoCount(value.length)}</Text>
      {value.map((f) => (
        <View key={f.id} className="matter-person">
          <Text>{`✓ ${f.fileName}`}</Text>
          <Button className="matter-small-button" type="default" fill="outline" onClick={() => onChange(value.filter((x) => x.id !== f.id))}>
            {m.remove}
          </Button>
        </View>
      ))}
      {process.env.TARO_ENV === 'h5' ? (
        <label className="matter-file-label matter-gap-top">
          <input
            className="matter-file-input"
            type="file"
            multiple
            accept="image/jpeg,image/png,.jpg,.jpeg,.png"
            data-testid={`${testId}-file`}
            onChange={(e) => {
              const input = e.currentTarget;
              const files = Array.from(input.files ?? []).map((f) => ({ path: URL.createObjectURL(f), name: f.name }));
              input.value = '';
              void upload(files);
            }}
          />
          <span>{busy ? m.uploading : m.addPhoto}</span>
        </label>
      ) : (
        <Button className="big-button matter-gap" type="primary" fill="outline" block disabled={busy} onClick={() => void pick()} data-testid={`${testId}-pick`}>
          {busy ? m.uploading : m.addPhoto}
        </Button>
      )}
      {failed ? <ErrorState error={failed} title={m.uploadFailed} /> : null}
      {error ? <Text className="matter-error">{error}</Text> : null}
    </View>
  );
}
