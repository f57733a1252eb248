import { Input, Text, View } from '@tarojs/components';
import type { ApiErrorBody, ResidentListItem } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../components/a11y';
import { Choice } from '../../../components/Choice';
import { ErrorState } from '../../../components/ErrorState';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';
import { listResidents } from '../../../services/api/roster';
import type { PersonRef } from '../utils/form';

const m = messages.ballots;

/**
 * One person from the roster (计票人 or 监票人): the chosen name with 换一个 / 不选了, or a name search
 * whose results are big rows to tap. Only people on the village's active roster can be chosen.
 */
export function PersonPicker({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: PersonRef | null;
  onChange: (person: PersonRef | null) => void;
  testId: string;
}) {
  const [searching, setSearching] = useState(false);
  const [q, setQ] = useState('');
  const [results, setResults] = useState<ResidentListItem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);

  async function search(): Promise<void> {
    if (q.trim() === '') return;
    setBusy(true);
    setError(null);
    const result = await listResidents({ q: q.trim(), status: 'active', pageSize: 10 });
    setBusy(false);
    if (result.ok) setResults(result.data.items);
    else setError(result.error);
  }

  function pick(r: ResidentListItem): void {
    onChange({ id: r.id, name: r.name, householdNumber: r.householdNumber });
    setSearching(false);
    setResults(null);
    setQ('');
  }

  return (
    <View className="ballot-person" data-testid={testId}>
      <Text className="ballot-field-label">{label}</Text>
      {!searching ? (
        <View className="ballot-person__chosen">
          <Text className="ballot-person__name" data-testid={`${testId}-value`}>
            {value ? (value.householdNumber ? m.personLine(value.name, value.householdNumber) : value.name) : m.nobody}
          </Text>
          <View className="ballot-person__actions">
            <Button className="ballot-small-button" type="primary" fill="outline" onClick={() => setSearching(true)} data-testid={`${testId}-pick`}>
              {value ? m.changePerson : m.pick}
            </Button>
            {value ? (
              <Button className="ballot-small-button" type="default" fill="outline" onClick={() => onChange(null)} data-testid={`${testId}-clear`}>
                {m.clearPerson}
              </Button>
            ) : null}
          </View>
        </View>
      ) : (
        <View>
          <View className="search-line" {...roleProps('search')}>
            <View className="search-line__row">
              <Input
                className="search-line__input"
                value={q}
                placeholder={m.searchPersonPlaceholder}
                maxlength={20}
                confirmType="search"
                ariaLabel={`${label}：${m.searchPerson}`}
                nativeProps={{ 'aria-label': `${label}：${m.searchPerson}`, autocomplete: 'off' }}
                onInput={(e) => setQ(e.detail.value)}
                onConfirm={() => void search()}
                data-testid={`${testId}-q`}
              />
              <Button className="search-line__button" type="primary" disabled={busy} onClick={() => void search()} data-testid={`${testId}-search`}>
                {m.searchPersonButton}
              </Button>
            </View>
          </View>
          {error ? <ErrorState error={error} onRetry={() => void search()} /> : null}
          {results && results.length === 0 ? <Text className="ballot-muted">{m.noPerson}</Text> : null}
          {results && results.length > 0 ? (
            <View {...roleProps('radiogroup')} aria-label={label}>
              {results.map((r) => (
                <Choice
                  key={r.id}
                  label={m.personLine(r.name, r.householdNumber)}
                  hint={`${r.age} 岁`}
                  checked={value?.id === r.id}
                  onSelect={() => pick(r)}
                  testId={`${testId}-option-${r.id}`}
                />
              ))}
            </View>
          ) : null}
          <Button className="ballot-small-button ballot-gap" type="default" fill="outline" onClick={() => setSearching(false)}>
            {m.dialogBack}
          </Button>
        </View>
      )}
    </View>
  );
}
