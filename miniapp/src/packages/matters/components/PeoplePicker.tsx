import { Text, View } from '@tarojs/components';
import type { ApiErrorBody, ResidentListItem } from '@village/shared';
import { useState } from 'react';
import { Choice } from '../../../components/Choice';
import { ErrorState } from '../../../components/ErrorState';
import { Button } from '../../../components/nutui';
import { TextField } from '../../../components/TextField';
import { messages } from '../../../constants/messages';
import { listResidents } from '../../../services/api/roster';

const m = messages.matters;
const b = messages.ballots;

export interface Person {
  id: string;
  name: string;
  householdNumber?: string;
}

/**
 * People from the village's active roster, by name search: the chosen ones listed with 移除, search
 * results as big rows to tap. `single`: choosing one replaces the other.
 */
export function PeoplePicker({
  label,
  value,
  onChange,
  single,
  error,
  testId,
}: {
  label: string;
  value: Person[];
  onChange: (people: Person[]) => void;
  single?: boolean;
  error?: string | null;
  testId: string;
}) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<ResidentListItem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<ApiErrorBody | null>(null);

  async function search(): Promise<void> {
    if (q.trim() === '') return;
    setBusy(true);
    setFailed(null);
    const result = await listResidents({ q: q.trim(), status: 'active', pageSize: 10 });
    setBusy(false);
    if (result.ok) setResults(result.data.items);
    else setFailed(result.error);
  }

  function toggle(r: ResidentListItem): void {
    const chosen = value.some((p) => p.id === r.id);
    if (chosen) onChange(value.filter((p) => p.id !== r.id));
    else onChange(single ? [{ id: r.id, name: r.name, householdNumber: r.householdNumber }] : [...value, { id: r.id, name: r.name, householdNumber: r.householdNumber }]);
  }

  return (
    <View data-testid={testId}>
      <Text className="matter-field-label">{label}</Text>
      {single ? null : <Text className="matter-muted">{m.attendeesCount(value.length)}</Text>}
      {value.map((p) => (
        <View key={p.id} className="matter-person" data-testid={`${testId}-chosen-${p.id}`}>
          <Text>{`✓ ${p.householdNumber ? b.personLine(p.name, p.householdNumber) : p.name}`}</Text>
          <Button className="matter-small-button" type="default" fill="outline" onClick={() => onChange(value.filter((x) => x.id !== p.id))}>
            {m.remove}
          </Button>
        </View>
      ))}
      <TextField label={b.searchPerson} placeholder={b.searchPersonPlaceholder} value={q} onChange={(v) => setQ(v)} onConfirm={() => void search()} maxlength={20} testId={`${testId}-q`} />
      <Button className="big-button matter-gap" type="primary" fill="outline" block disabled={busy} onClick={() => void search()} data-testid={`${testId}-search`}>
        {b.searchPersonButton}
      </Button>
      {failed ? <ErrorState error={failed} onRetry={() => void search()} /> : null}
      {results && results.length === 0 ? <Text className="matter-muted">{b.noPerson}</Text> : null}
      {results?.map((r) => (
        <Choice
          key={r.id}
          label={b.personLine(r.name, r.householdNumber)}
          checked={value.some((p) => p.id === r.id)}
          onSelect={() => toggle(r)}
          testId={`${testId}-option-${r.id}`}
        />
      ))}
      {error ? <Text className="matter-error">{error}</Text> : null}
    </View>
  );
}
