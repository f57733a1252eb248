import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NoticeListItem } from '@village/shared';
import { noticeCountsLine, noticeDateLine, noticeTags, type NoticeTag } from '../../constants/notices';
import { routes, withQuery } from '../../constants/routes';
import { pressProps, roleProps } from '../a11y';
import './index.css';

/** The labels of a notice as bordered words (置顶, ● 未读, 财务公开, 公开中, 已更正). */
export function NoticeTags({ tags, testId }: { tags: NoticeTag[]; testId?: string }) {
  return (
    <View className="notice-tags" data-testid={testId}>
      {tags.map((tag) => (
        <Text key={tag.key} className={`notice-tag notice-tag--${tag.tone}`} data-testid={testId ? `${testId}-${tag.key}` : undefined}>
          {tag.tone === 'unread' ? (
            <Text className="notice-tag__dot" aria-hidden>
              ●{' '}
            </Text>
          ) : null}
          {tag.text}
        </Text>
      ))}
    </View>
  );
}

/**
 * One notice in a list: the title large, its labels in words, when it was published and how long it
 * stays up; the whole row opens it. An unread notice also has a thick left edge (the word 未读 says it too).
 */
export function NoticeRow({ item, testId }: { item: NoticeListItem & { createdAt?: string }; testId?: string }) {
  const open = () => void Taro.navigateTo({ url: withQuery(routes.noticeDetail, { id: item.id }) });
  const unread = !item.read && item.status === 'published';
  const counts = noticeCountsLine(item);
  return (
    <View
      className={`notice-row${unread ? ' notice-row--unread' : ''}`}
      {...roleProps('link')}
      onClick={open}
      {...pressProps(open)}
      data-testid={testId ?? `notice-row-${item.id}`}
    >
      <View className="notice-row__main">
        <NoticeTags tags={noticeTags(item)} />
        <Text className="notice-row__title">{item.title}</Text>
        <Text className="notice-row__line">{noticeDateLine(item)}</Text>
        {counts ? <Text className="notice-row__line">{counts}</Text> : null}
      </View>
      <Text className="notice-row__arrow" aria-hidden>
        ›
      </Text>
    </View>
  );
}
