import { Picker, Text, View } from '@tarojs/components';
import type { ApiErrorBody } from '@village/shared';
import Taro from '@tarojs/taro';
import { pressProps, roleProps } from '../../../components/a11y';
import { ErrorState } from '../../../components/ErrorState';
import { LoadingState } from '../../../components/LoadingState';
import { Notice } from '../../../components/Notice';
import { messages } from '../../../constants/messages';
import { dayText } from '../../../services/dates';

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

/** A date as a row ("提议日期：11月25日 ›") that opens the system date picker. */
export function DateRow({
  label,
  value,
  start,
  end,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: string;
  start?: string;
  end?: string;
  onChange: (day: string) => void;
  error?: string | null;
  testId?: string;
}) {
  return (
    <View>
      <Picker mode="date" value={value || end || ''} start={start ?? '2020-01-01'} end={end ?? '2099-12-31'} onChange={(e) => onChange(String(e.detail.value))}>
        <View className={`ms-date__row${error ? ' ms-date__row--invalid' : ''}`} {...roleProps('button')} aria-label={`${label}：${value ? dayText(value) : ''}`} data-testid={testId}>
          <Text className="ms-date__label">{label}：</Text>
          <Text className="ms-date__value">{value ? dayText(value) : s.pickDay}</Text>
          <Text className="ms-date__arrow" aria-hidden>
            ›
          </Text>
        </View>
      </Picker>
      {error ? <Text className="ms-error">{error}</Text> : null}
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

