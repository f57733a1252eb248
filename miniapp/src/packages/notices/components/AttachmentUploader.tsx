import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { NOTICE_ATTACHMENTS_MAX, type ApiErrorBody, type NoticeAttachment } from '@village/shared';
import { useEffect, useReducer, useRef, useState } from 'react';
import { roleProps } from '../../../components/a11y';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';
import { deleteNoticeAttachment, uploadNoticeAttachment } from '../../../services/api/notices';
import { pickedKind, sizeText } from '../utils/attachments';
import { nextUpload, room, uploadReducer, type PickedAttachment, type UploadItem } from '../utils/uploadQueue';

const m = messages.notices;

let counter = 0;
const newKey = () => `upload-${Date.now()}-${(counter += 1)}`;

function isH5(): boolean {
  return process.env.TARO_ENV === 'h5';
}

/**
 * 附件 while writing a notice (drafts only): add photos (compressed by WeChat first) or PDF files,
 * each sent on its own with its progress in numbers and a bar; a failure says why (the server's
 * words, e.g. a file that only pretends to be a PDF) with 重新上传. Removing one asks first.
 * Before the first save there is no draft to attach to: the section says so.
 */
export function AttachmentUploader({ noticeId, attachments }: { noticeId: string | null; attachments: readonly NoticeAttachment[] }) {
  const [items, dispatch] = useReducer(uploadReducer, attachments, (a) => uploadReducer([], { type: 'reset', attachments: a }));
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<UploadItem | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<ApiErrorBody | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  // The draft's attachments once it is loaded (editing), without dropping files still on their way.
  const lastIds = useRef<string>('');
  useEffect(() => {
    const ids = attachments.map((a) => a.id).join(',');
    if (ids === lastIds.current) return;
    lastIds.current = ids;
    if (!items.some((i) => i.status !== 'done')) dispatch({ type: 'reset', attachments });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attachments]);

  // One file at a time.
  const next = noticeId ? nextUpload(items) : null;
  useEffect(() => {
    if (!next || !noticeId || !next.path) return;
    const { key, path, name } = next;
    dispatch({ type: 'start', key });
    void uploadNoticeAttachment(noticeId, {
      filePath: path,
      fileName: name,
      onProgress: (percent) => {
        if (alive.current) dispatch({ type: 'progress', key, percent });
      },
    }).then((result) => {
      if (!alive.current) return;
      if (result.ok) dispatch({ type: 'done', key, attachment: result.data });
      else dispatch({ type: 'failed', key, error: result.error });
    });
  }, [next?.key, noticeId]); // eslint-disable-line react-hooks/exhaustive-deps

  function add(files: Array<{ path: string; name: string; type?: string }>): void {
    setProblem(null);
    const ok: PickedAttachment[] = [];
    const refused: string[] = [];
    for (const f of files) {
      const type = pickedKind(f);
      if (type) ok.push({ path: f.path, name: f.name, type });
      else refused.push(f.name);
    }
    if (refused.length > 0) setProblem(m.wrongFileType(refused.join('、')));
    else if (ok.length > room(items)) setProblem(m.tooMany(NOTICE_ATTACHMENTS_MAX));
    dispatch({ type: 'add', files: ok, keyOf: () => newKey() });
  }

  async function pickPhotos(): Promise<void> {
    try {
      const res = await Taro.chooseImage({ count: Math.min(9, room(items)), sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      add(
        res.tempFiles.map((f, i) => {
          const path = f.path ?? res.tempFilePaths[i];
          const name = path.split('/').pop() ?? `照片${i + 1}.jpg`;
          return { path, name };
        }),
      );
    } catch {
      // Closed without choosing.
    }
  }

  async function pickPdf(): Promise<void> {
    try {
      const res = await Taro.chooseMessageFile({ count: room(items), type: 'file', extension: ['pdf'] });
      add(res.tempFiles.map((f) => ({ path: f.path, name: f.name })));
    } catch {
      // Closed without choosing.
    }
  }

  function pickH5(input: HTMLInputElement | null): void {
    const files = Array.from(input?.files ?? []);
    add(files.map((f) => ({ path: URL.createObjectURL(f), name: f.name, type: f.type })));
    if (input) input.value = '';
  }

  async function remove(item: UploadItem): Promise<void> {
    if (!item.attachment || !noticeId) {
      dispatch({ type: 'remove', key: item.key });
      setRemoving(null);
      return;
    }
    setRemoveBusy(true);
    setRemoveError(null);
    const result = await deleteNoticeAttachment(noticeId, item.attachment.id);
    setRemoveBusy(false);
    setRemoving(null);
    if (result.ok) dispatch({ type: 'remove', key: item.key });
    else setRemoveError(result.error);
  }

  const full = room(items) === 0;

  return (
    <View className="section nt-card" data-testid="compose-attachments">
      <Text className="nt-sub" {...roleProps('heading')} aria-level={2}>
        {m.attachmentsLabel}
      </Text>
      <Text className="nt-muted">{m.attachmentsLimit(NOTICE_ATTACHMENTS_MAX)}</Text>
      {!isH5() ? <Text className="nt-muted">{m.photosCompressed}</Text> : null}

      {items.map((item) => (
        <UploadRow
          key={item.key}
          item={item}
          onRetry={() => dispatch({ type: 'retry', key: item.key })}
          onDismiss={() => dispatch({ type: 'remove', key: item.key })}
          onRemove={() => setRemoving(item)}
        />
      ))}

      {problem ? (
        <View className="nt-gap">
          <Notice tone="error" title={problem} testId="compose-attachments-problem" />
        </View>
      ) : null}
      {removeError ? (
        <View className="nt-gap">
          <ErrorState error={removeError} title={m.actionFailed} />
        </View>
      ) : null}

      {!noticeId ? (
        <Text className="nt-para" data-testid="compose-attachments-save-first">
          {m.attachmentsSaveFirst}
        </Text>
      ) : full ? (
        <Text className="nt-para">{m.tooMany(NOTICE_ATTACHMENTS_MAX)}</Text>
      ) : isH5() ? (
        <label className="nt-file-label nt-gap" data-testid="compose-file-label">
          <input
            className="nt-file-input"
            type="file"
            multiple
            accept="image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"
            data-testid="compose-file"
            onChange={(e) => pickH5(e.currentTarget)}
          />
          <span className="nt-file-button">{m.addFile}</span>
        </label>
      ) : (
        <View className="nt-actions">
          <Button type="primary" fill="outline" onClick={() => void pickPhotos()} data-testid="compose-add-photo">
            {m.addPhoto}
          </Button>
          <Button type="primary" fill="outline" onClick={() => void pickPdf()} data-testid="compose-add-pdf">
            {m.addPdf}
          </Button>
        </View>
      )}

      <ConfirmDialog
        open={removing !== null}
        title={m.removeConfirmTitle}
        confirmText={m.removeConfirm}
        cancelText={m.cancel}
        danger
        busy={removeBusy}
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(null)}
        testId="compose-remove-dialog"
      >
        <Text>{removing ? m.removeConfirmBody(removing.name) : ''}</Text>
      </ConfirmDialog>
    </View>
  );
}

function UploadRow({
  item,
  onRetry,
  onDismiss,
  onRemove,
}: {
  item: UploadItem;
  onRetry: () => void;
  onDismiss: () => void;
  onRemove: () => void;
}) {
  const state =
    item.status === 'done'
      ? `${m.uploaded}${item.attachment ? ` · ${sizeText(item.attachment.sizeBytes)}` : ''}`
      : item.status === 'uploading'
        ? m.uploading(item.progress)
        : item.status === 'waiting'
          ? m.uploadWaiting
          : m.uploadFailed;
  return (
    <View className={`nt-upload${item.status === 'failed' ? ' nt-upload--failed' : ''}`} data-testid={`compose-upload-${item.name}`}>
      <View className="nt-upload__head">
        <Text className="nt-upload__name">{`${item.type === 'application/pdf' ? 'PDF' : '照片'}：${item.name}`}</Text>
        <Text className="nt-upload__state" data-testid="compose-upload-state">
          {state}
        </Text>
      </View>
      {item.status === 'uploading' || item.status === 'waiting' ? (
        <View
          className="nt-upload__bar"
          {...roleProps('progressbar')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={item.progress}
          aria-label={m.uploading(item.progress)}
        >
          <View className="nt-upload__fill" style={{ width: `${item.progress}%` }} />
        </View>
      ) : null}
      {item.status === 'failed' && item.error ? <Text className="nt-upload__error">{item.error.message}</Text> : null}
      {item.status === 'failed' ? (
        <View className="nt-actions">
          <Button type="primary" onClick={onRetry}>
            {m.uploadRetry}
          </Button>
          <Button type="default" fill="outline" onClick={onDismiss}>
            {m.uploadDismiss}
          </Button>
        </View>
      ) : null}
      {item.status === 'done' ? (
        <View className="nt-actions">
          <Button type="default" fill="outline" onClick={onRemove} data-testid={`compose-remove-${item.name}`}>
            {m.removeAttachment}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
