import { Text, View } from '@tarojs/components';
import type { NoticeAttachment } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../components/a11y';
import { Notice } from '../../../components/Notice';
import { PhotoGrid } from '../../../components/PhotoGrid';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';
import { absoluteUrl, openPdfAttachment } from '../../../services/api/notices';
import { imageUrls, isImage, sizeText } from '../utils/attachments';

const m = messages.notices;

/**
 * A notice's attachments: photos as large thumbnails (a tap opens the viewer with every photo of the
 * notice, to swipe through), PDFs as rows with an 打开 button (WeChat's document viewer, or a new
 * browser tab). A PDF that does not open says so and stays tappable.
 */
export function AttachmentList({ attachments }: { attachments: readonly NoticeAttachment[] }) {
  const [pdfFailed, setPdfFailed] = useState(false);
  if (attachments.length === 0) return null;
  const images = attachments.filter(isImage);
  const pdfs = attachments.filter((a) => !isImage(a));
  const urls = imageUrls(attachments, absoluteUrl);

  async function openPdf(a: NoticeAttachment): Promise<void> {
    setPdfFailed(false);
    const ok = await openPdfAttachment(a);
    if (!ok) setPdfFailed(true);
  }

  return (
    <View className="section nt-card" data-testid="notice-attachments">
      <Text className="nt-sub" {...roleProps('heading')} aria-level={2}>
        {m.attachmentsTitle(attachments.length)}
      </Text>
      {images.length > 0 ? (
        <View>
          <PhotoGrid photos={images.map((a, i) => ({ id: a.id, url: urls[i], label: m.imageAlt(a.fileName) }))} testId="notice-image" />
          <Text className="nt-muted">{m.imageHint}</Text>
        </View>
      ) : null}
      {pdfs.map((a) => (
        <View key={a.id} className="nt-file" data-testid={`notice-pdf-${a.id}`}>
          <View className="nt-file__text">
            <Text className="nt-file__name">{a.fileName}</Text>
            <Text className="nt-muted">{`PDF · ${sizeText(a.sizeBytes)}`}</Text>
          </View>
          <Button type="primary" fill="outline" className="nt-file__open" onClick={() => void openPdf(a)} aria-label={m.pdfLabel(a.fileName)}>
            {m.openPdf}
          </Button>
        </View>
      ))}
      {pdfFailed ? (
        <View className="nt-gap">
          <Notice tone="error" title={m.pdfFailed} />
        </View>
      ) : null}
    </View>
  );
}
