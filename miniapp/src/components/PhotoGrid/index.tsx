import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pressProps, roleProps } from '../a11y';
import './index.css';

export interface GridPhoto {
  id: string;
  url: string;
  /** Read out and shown as the image's text alternative ("现场照片第 1 张（共 3 张），点开看大图"). */
  label: string;
}

/**
 * Photos as large square thumbnails, three to a row; a tap opens the viewer (WeChat's, or the
 * browser's) with every photo of the group, to swipe through.
 */
export function PhotoGrid({ photos, testId }: { photos: readonly GridPhoto[]; testId: string }) {
  if (photos.length === 0) return null;
  const urls = photos.map((p) => p.url);
  return (
    <View className="photo-grid" data-testid={testId}>
      {photos.map((p) => {
        const show = () => void Taro.previewImage({ urls, current: p.url });
        return (
          <View key={p.id} className="photo-grid__item" {...roleProps('button')} aria-label={p.label} onClick={show} {...pressProps(show)} data-testid={`${testId}-${p.id}`}>
            <Image className="photo-grid__img" src={p.url} mode="aspectFill" lazyLoad ariaLabel={p.label} nativeProps={{ alt: p.label }} />
          </View>
        );
      })}
    </View>
  );
}
