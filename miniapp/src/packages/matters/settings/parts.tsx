import { Text, View } from '@tarojs/components';
import type { ApiErrorBody } from '@village/shared';
import Taro from '@tarojs/taro';
import { pressProps, roleProps } from '../../../components/a11y';
import { ErrorState } from '../../../components/ErrorState';
import { LoadingState } from '../../../components/LoadingState';
import { Notice } from '../../../components/Notice';
import { messages } from '../../../constants/messages';

const s = messages.matterSettings;

/** A row of the 议事设置 hub: title, one-line summary (⚠ and words when something is wrong), the whole row opens the page. */
export function SettingsRow({ title, summary, warn, url, testId }: { title: string; summary: string; warn?: boolean; url: string; testId: string }) {
  const go = () => void Taro.navigateTo({ url });
  return (
    <View className={`ms-row${warn ? ' ms-row--warn' : ''}`} {...roleProps('link')} data-testid={testId} onClick={go} {...pressProps(go)}>
      <View className="ms-row__text">
        <Text className="ms-row__title">{title}</Text>
        <Text className={`ms-row__summary${warn ? ' ms-row__summary--warn' : ''}`} data-testid={`${testId}-summary`}>
          {summary}
        </Text>
      </View>
      <Text className="ms-row__arrow" aria-hidden>
        ›
      </Text>
    </View>
  );
}

/** Said once at the top of a page the person may read but not change. */
export function ReadOnlyNote({ testId }: { testId?: string }) {
  return (
    <View className="section">
      <Notice tone="info" title={s.readOnlyBadge} testId={testId ?? 'settings-readonly'}>
        <Text>{s.readOnlyNote}</Text>
      </Notice>
    </View>
  );
}

/**
 * The top of a settings page: its title and what it is for; for those who may only read, a note
 * saying so; loading, a failed load (with 重试), a failed save, and what was just saved.
 */
export function SettingsTop({
  title,
  intro,
  loaded,
  readOnly,
  loadError,
  onRetry,
  saveError,
  done,
  doneTestId,
}: {
  title: string;
  intro: string;
  loaded: boolean;
  readOnly: boolean;
  loadError: ApiErrorBody | null;
  onRetry: () => void;
  saveError: ApiErrorBody | null;
  done: string | null;
  doneTestId: string;
}) {
  return (
    <View>
      <Text className="matter-heading" {...roleProps('heading')} aria-level={1}>
        {title}
      </Text>
      <Text className="ms-intro">{intro}</Text>
      {readOnly && loaded ? <ReadOnlyNote /> : null}
      {loadError ? <ErrorState error={loadError} onRetry={onRetry} /> : null}
      {!loaded && !loadError ? <LoadingState /> : null}
      {saveError ? (
        <View className="section">
          <ErrorState error={saveError} title={s.saveFailed} />
        </View>
      ) : null}
      {done ? (
        <View className="section">
          <Notice tone="success" title={done} testId={doneTestId} />
        </View>
      ) : null}
    </View>
  );
}

