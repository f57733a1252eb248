import { ScrollView, Text, View } from '@tarojs/components';
import type { NoticeBlock, NoticeSpan } from '@village/shared';
import { roleProps } from '../../../components/a11y';
import { messages } from '../../../constants/messages';

const m = messages.notices;

/** Inline text: bold spans bold; a `\n` typed inside a paragraph is a line break (white-space: pre-line). */
function Spans({ spans }: { spans: readonly NoticeSpan[] }) {
  return (
    <>
      {spans.map((span, i) =>
        span.bold ? (
          <Text key={i} className="nb-bold">
            {span.text}
          </Text>
        ) : (
          <Text key={i}>{span.text}</Text>
        ),
      )}
    </>
  );
}

/**
 * A table scrolls sideways inside its own box, never the page: WeChat needs a scroll-view for that;
 * the browser a box with overflow, focusable so a keyboard can scroll it too.
 */
function TableBox({ block, index }: { block: Extract<NoticeBlock, { type: 'table' }>; index: number }) {
  const columns = block.header.length;
  const table = (
    <View className="nb-table" {...roleProps('table')} aria-label={m.tableLabel(columns)}>
      <View className="nb-table__row nb-table__row--head" {...roleProps('row')}>
        {block.header.map((cell, k) => (
          <View key={k} className="nb-table__cell nb-table__cell--head" {...roleProps('columnheader')}>
            <Text className="nb-table__text">{cell}</Text>
          </View>
        ))}
      </View>
      {block.rows.map((row, r) => (
        <View key={r} className="nb-table__row" {...roleProps('row')}>
          {row.map((cell, k) => (
            <View key={k} className="nb-table__cell" {...roleProps('cell')}>
              <Text className="nb-table__text">{cell}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
  return (
    <View className="nb-table-wrap" data-testid={`notice-body-table-${index}`}>
      {process.env.TARO_ENV === 'weapp' ? (
        <ScrollView className="nb-table-scroll" scrollX enhanced showScrollbar>
          {table}
        </ScrollView>
      ) : (
        <View
          className="nb-table-scroll"
          {...roleProps('region')}
          aria-label={m.tableHint}
          {...(process.env.TARO_ENV === 'h5' ? { tabIndex: 0 } : {})}
        >
          {table}
        </View>
      )}
      {columns > 3 ? <Text className="nb-table-hint">{m.tableHint}</Text> : null}
    </View>
  );
}

/**
 * A notice body as villagers read it, from the parsed blocks (never HTML): headings, paragraphs with
 * bold spans and kept line breaks, bullet and numbered lists, and tables. Used by the notice page
 * (`detail.blocks` from the server) and the compose preview (`parseNoticeBody`).
 */
export function NoticeBody({ blocks, testId }: { blocks: readonly NoticeBlock[]; testId?: string }) {
  return (
    <View className="nb" data-testid={testId ?? 'notice-body'}>
      {blocks.map((block, i) => {
        switch (block.type) {
          case 'heading':
            return (
              <Text
                key={i}
                className={`nb-heading nb-heading--${block.level}`}
                {...roleProps('heading')}
                aria-level={block.level + 1}
              >
                <Spans spans={block.spans} />
              </Text>
            );
          case 'paragraph':
            return (
              <Text key={i} className="nb-para">
                <Spans spans={block.spans} />
              </Text>
            );
          case 'list':
            return (
              <View key={i} className="nb-list" {...roleProps('list')}>
                {block.items.map((item, k) => (
                  <View key={k} className="nb-list__item" {...roleProps('listitem')}>
                    {block.ordered ? (
                      <Text className="nb-list__marker">{`${k + 1}.`}</Text>
                    ) : (
                      <Text className="nb-list__marker" aria-hidden>
                        •
                      </Text>
                    )}
                    <Text className="nb-list__text">
                      <Spans spans={item} />
                    </Text>
                  </View>
                ))}
              </View>
            );
          case 'table':
            return <TableBox key={i} block={block} index={i} />;
          default:
            return null;
        }
      })}
    </View>
  );
}
