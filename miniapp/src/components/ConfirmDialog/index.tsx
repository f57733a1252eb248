import { Text, View } from '@tarojs/components';
import { useEffect, useRef, type ReactNode } from 'react';
import { messages } from '../../constants/messages';
import { roleProps } from '../a11y';
import { Button } from '../nutui';
import './index.css';

/**
 * A confirmation the person asked for (退出登录, 换户代表, 确认导入): large text in the page's own
 * 长辈版 sizes, the consequence in words, and two full-width buttons — the safe choice last so a
 * hurried tap at the bottom does nothing harmful. Nothing closes it but a tap. Centred like WeChat's
 * own modal, which also keeps it clear of the H5 tab bar.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmText,
  cancelText,
  danger,
  busy,
  onConfirm,
  onCancel,
  testId,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmText: string;
  cancelText?: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  const panel = useRef<unknown>(null);
  // H5: move keyboard and screen-reader focus into the dialog when it opens.
  useEffect(() => {
    if (!open || process.env.TARO_ENV !== 'h5') return;
    const el = panel.current as HTMLElement | null;
    if (el && typeof el.focus === 'function') el.focus();
  }, [open]);

  if (!open) return null;
  return (
    <View className="confirm-dialog" data-testid={testId ?? 'confirm-dialog'}>
      <View className="confirm-dialog__backdrop" onClick={busy ? undefined : onCancel} />
      <View
        className="confirm-dialog__panel"
        {...roleProps('dialog')}
        aria-modal
        aria-label={title}
        ref={panel as never}
        {...(process.env.TARO_ENV === 'h5' ? { tabIndex: -1 } : {})}
      >
        <Text className="confirm-dialog__title">{title}</Text>
        <View className="confirm-dialog__body">{children}</View>
        <Button
          className={`big-button confirm-dialog__confirm${danger ? ' confirm-dialog__confirm--danger' : ''}`}
          type="primary"
          block
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmText}
        </Button>
        <Button className="big-button confirm-dialog__cancel" fill="outline" type="default" block disabled={busy} onClick={onCancel}>
          {cancelText ?? messages.dialog.cancel}
        </Button>
      </View>
    </View>
  );
}
