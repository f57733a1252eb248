import { Text, View } from '@tarojs/components';
import type { ApiErrorBody } from '@village/shared';
import { roleProps } from '../../../components/a11y';
import { ErrorState } from '../../../components/ErrorState';
import { LoadingState } from '../../../components/LoadingState';
import { Notice } from '../../../components/Notice';
import type { RequestState } from '../../../hooks/useRequest';

/* The pieces every page of the people who run points opens with, so they look and read the same. */

/** The page's heading and the sentence under it that says what the page is for. */
export function PageHeading({ title, intro }: { title: string; intro: string }) {
  return (
    <View>
      <Text className="pa-heading" {...roleProps('heading')} aria-level={1}>
        {title}
      </Text>
      <Text className="pa-para">{intro}</Text>
    </View>
  );
}

/** What was just done, in a green notice; nothing before anything is done. */
export function DoneNotice({ title, testId }: { title: string | null; testId: string }) {
  if (!title) return null;
  return (
    <View className="section">
      <Notice tone="success" title={title} testId={testId} />
    </View>
  );
}

/** Why the last action failed and what to do next; nothing while there is no error. */
export function FailedNotice({ error, title }: { error: ApiErrorBody | null; title: string }) {
  if (!error) return null;
  return (
    <View className="section">
      <ErrorState error={error} title={title} />
    </View>
  );
}

/** The page's list (or book) while it loads, and its error with 重试. */
export function LoadState({ request }: { request: RequestState<unknown> & { reload: () => void } }) {
  if (request.status === 'loading') return <LoadingState />;
  if (request.status === 'error') {
    return (
      <View className="section">
        <ErrorState error={request.error} onRetry={() => request.reload()} />
      </View>
    );
  }
  return null;
}
