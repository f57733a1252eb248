import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MATTER_PHOTOS_MAX, type ApiErrorBody, type AssemblyBody, type ConveningObligationView, type MatterFile, type RepresentativeCadenceView, type ResidentListItem, type TownshipConveningObligationView } from '@village/shared';
import { useEffect, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { beijingToday, dayText } from '../../../../services/dates';
import { listResidents } from '../../../../services/api/roster';
import {
  canEditMatterSettings,
  canReadMatterSettings,
  getRepresentativeCadence,
  getTownshipRepresentativeCadence,
  listObligations,
  listTownshipObligations,
  registerPetition,
  type ObligationFilter,
} from '../../../../services/api/matterSettings';
import { AreaField } from '../../../../components/AreaField';
import { PeoplePicker, type Person } from '../../components/PeoplePicker';
import { PhotoPicker } from '../../../../components/PhotoPicker';
import { uploadMatterFile } from '../../../../services/api/matters';
import { DateTimeField } from '../../../../components/DateTimeField';
import { ReadOnlyNote } from '../../settings/parts';
import { quarterText } from '../../utils/settings';
import '../../matters.css';
import '../../settings.css';

const s = messages.matterSettings;
const FILTERS = ['all', 'open', 'overdue', 'met'] as const;
type Filter = (typeof FILTERS)[number];

export interface PetitionForm {
  body: AssemblyBody;
  petitionedOn: string;
  subject: string;
  adults: Person[];
  reps: Person[];
  photos: MatterFile[];
}

export function checkPetition(f: PetitionForm): Partial<Record<'subject' | 'signers' | 'petitionedOn', string>> {
  const e: Partial<Record<'subject' | 'signers' | 'petitionedOn', string>> = {};
  if (f.subject.trim() === '') e.subject = s.required(s.subjectLabel);
  else if (Array.from(f.subject.trim()).length > 500) e.subject = s.subjectTooLong;
  const adults = f.body === 'villager_assembly' ? f.adults.length : 0;
  if (adults + f.reps.length === 0) e.signers = s.signersMissing;
  if (!f.petitionedOn) e.petitionedOn = s.required(s.petitionDay);
  return e;
}

/** Every obligation as a card: the status with its sign and in words, the deadline, the law. */
function ObligationCard({ o }: { o: ConveningObligationView }) {
  const warn = o.status === 'overdue';
  return (
    <View className={`ms-card${warn ? ' ms-card--warn' : ''}`} data-testid={`obligation-${o.id}`}>
      <View className="ms-tags">
        <Text className={`ms-tag ${o.status === 'overdue' ? 'ms-tag--bad' : o.status === 'met' ? 'ms-tag--ok' : ''}`}>{s.statusSign[o.status]}</Text>
        <Text className="ms-tag ms-tag--plain">{o.bodyLabel}</Text>
      </View>
      <Text className="ms-card__title">{o.subject}</Text>
      <Text className={warn ? 'ms-warn' : o.status === 'met' ? 'ms-ok' : 'ms-line matter-strong'} data-testid={`obligation-${o.id}-status`}>
        {o.statusText}
      </Text>
      <Text className="ms-line">{o.status === 'met' ? `${s.petitionedOn(dayText(o.petitionedOn))}，${s.dueBy(dayText(o.dueBy))}` : s.petitionedOn(dayText(o.petitionedOn))}</Text>
      <Text className="ms-muted">{o.explanation}</Text>
      {o.source === 'proposal' ? <Text className="ms-muted">{s.fromProposal}</Text> : null}
      <Text className="ms-muted">{s.legalBasis(o.legalBasis)}</Text>
    </View>
  );
}

/** 村民代表会议 每季度 (one village, or every village for the township): shown only when the server answers (a 404 leaves it out). */
function CadenceBlock({ township }: { township: boolean }) {
  const [cadences, setCadences] = useState<Array<RepresentativeCadenceView & { village?: { id: string; name: string } }> | null>(null);
  useEffect(() => {
    if (township) {
      void getTownshipRepresentativeCadence().then((r) => {
        if (r.ok && r.data) setCadences(r.data);
      });
    } else {
      void getRepresentativeCadence().then((r) => {
        if (r.ok && r.data) setCadences([r.data]);
      });
    }
  }, [township]);
  if (!cadences || cadences.length === 0) return null;
  return (
    <View data-testid="obligations-cadence">
      <Text className="ms-heading2" {...roleProps('heading')} aria-level={2}>
        {s.cadenceTitle}
      </Text>
      {cadences.map((c, i) => {
        const missing = c.missingQuarters ?? [];
        const late = missing.length > 0;
        const pending = !late && c.currentQuarter ? !c.currentQuarter.held : false;
        return (
          <View key={c.village?.id ?? i} className={`ms-card${missing.length > 0 ? ' ms-card--warn' : ''}`} data-testid={`cadence-${c.village?.id ?? 'village'}`}>
            {c.village ? <Text className="ms-card__title">{c.village.name}</Text> : null}
            {c.statusText ? <Text className={late ? 'ms-warn' : pending ? 'ms-line matter-strong' : 'ms-ok'}>{`${late ? '⚠' : pending ? '○' : '✓'} ${c.statusText}`}</Text> : null}
            {!c.statusText && missing.length > 0 ? <Text className="ms-warn">{s.cadenceMissing(missing.map(quarterText).join('、'))}</Text> : null}
            {!c.statusText && missing.length === 0 ? <Text className="ms-ok">{s.cadenceFine}</Text> : null}
            <Text className="ms-line">{c.lastHeldOn ? s.cadenceLast(dayText(c.lastHeldOn)) : s.cadenceNever}</Text>
            <Text className="ms-muted">{c.legalBasis ? s.legalBasis(c.legalBasis) : s.cadenceBasis}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** All the village's 村民代表 at once, to tick the ones who signed (a village has tens, not hundreds). */
function RepresentativePicker({ value, onChange }: { value: Person[]; onChange: (p: Person[]) => void }) {
  const [reps, setReps] = useState<ResidentListItem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<ApiErrorBody | null>(null);
  async function list(): Promise<void> {
    setBusy(true);
    setFailed(null);
    const r = await listResidents({ isVillagerRep: true, status: 'active', pageSize: 100 });
    setBusy(false);
    if (r.ok) setReps(r.data.items);
    else setFailed(r.error);
  }
  const toggle = (r: ResidentListItem) =>
    onChange(value.some((p) => p.id === r.id) ? value.filter((p) => p.id !== r.id) : [...value, { id: r.id, name: r.name, householdNumber: r.householdNumber }]);
  return (
    <View data-testid="petition-reps">
      <Text className="matter-field-label">{s.repSigners}</Text>
      <Text className="ms-muted">{messages.matters.attendeesCount(value.length)}</Text>
      {reps === null ? (
        <Button className="big-button ms-gap" type="primary" fill="outline" block disabled={busy} onClick={() => void list()} data-testid="petition-reps-list">
          {busy ? s.repListing : s.repListAll}
        </Button>
      ) : null}
      {failed ? <ErrorState error={failed} onRetry={() => void list()} /> : null}
      {reps && reps.length === 0 ? <Text className="ms-muted">{s.repNone}</Text> : null}
      {reps?.map((r) => (
        <Choice key={r.id} label={messages.ballots.personLine(r.name, r.householdNumber)} checked={value.some((p) => p.id === r.id)} onSelect={() => toggle(r)} testId={`petition-rep-${r.id}`} />
      ))}
    </View>
  );
}

/**
 * 召集义务: the meetings villagers or representatives asked for (OL art. 21, 26) — 待召开, 已逾期 (⚠ in
 * red and in words) or 已召开 — with the 村民代表会议 每季度 record. 书记 and 村委会委员 register a
 * signed petition here. 乡镇干部 see every village's, grouped by village, read-only.
 */
export default function ObligationsPage() {
  const { state: meState, me, roles } = useMe();
  const township = Boolean(me && !me.resident && me.township);
  const allowed = township || canReadMatterSettings(roles);
  const editor = !township && canEditMatterSettings(roles);
  const today = beijingToday();
  const [filter, setFilter] = useState<Filter>('all');
  const [list, setList] = useState<Array<ConveningObligationView | TownshipConveningObligationView> | null>(null);
  const [loadError, setLoadError] = useState<ApiErrorBody | null>(null);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<PetitionForm>({ body: 'villager_assembly', petitionedOn: today, subject: '', adults: [], reps: [], photos: [] });
  const [errors, setErrors] = useState<ReturnType<typeof checkPetition>>({});
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState<{ text: string; obliged: boolean } | null>(null);

  async function load(which: Filter = filter): Promise<void> {
    setLoadError(null);
    setList(null);
    const status: ObligationFilter | undefined = which === 'all' ? undefined : which;
    const r = township ? await listTownshipObligations(status) : await listObligations(status);
    if (r.ok) setList(r.data);
    else setLoadError(r.error);
  }

  useEffect(() => {
    if (township) void Taro.setNavigationBarTitle({ title: s.townshipTitle });
  }, [township]);

  useEffect(() => {
    if (meState.status === 'ready' && allowed) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meState.status, allowed, township, filter]);

  const set = <K extends keyof PetitionForm>(key: K, value: PetitionForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key === 'adults' || key === 'reps' ? 'signers' : key]: undefined }));
  };

  function ask(): void {
    const found = checkPetition(form);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setAsking(true);
  }

  async function submit(): Promise<void> {
    setBusy(true);
    setError(null);
    const r = await registerPetition({
      body: form.body,
      petitionedOn: form.petitionedOn,
      subject: form.subject.trim(),
      adultSignerIds: form.body === 'villager_assembly' ? form.adults.map((p) => p.id) : [],
      representativeSignerIds: form.reps.map((p) => p.id),
      photoIds: form.photos.map((p) => p.id),
    });
    setBusy(false);
    setAsking(false);
    if (!r.ok) {
      setError(r.error);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      return;
    }
    const created = r.data.find((o) => o.subject === form.subject.trim() && o.petitionedOn === form.petitionedOn && o.body === form.body);
    setDone(created ? { text: s.petitionObliged(created.bodyLabel, dayText(created.dueBy)), obliged: true } : { text: s.petitionNotObliged, obliged: false });
    setOpen(false);
    setForm({ body: 'villager_assembly', petitionedOn: today, subject: '', adults: [], reps: [], photos: [] });
    if (filter === 'all') setList(r.data);
    else setFilter('all');
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  }

  const byVillage = township && list ? groupByVillage(list as TownshipConveningObligationView[]) : null;

  return (
    <PageShell testId="matter-obligations-page">
      <Text className="matter-heading" {...roleProps('heading')} aria-level={1}>
        {township ? s.townshipTitle : s.obligationsTitle}
      </Text>
      <Text className="ms-intro">{township ? s.townshipIntro : s.obligationsIntro}</Text>
      {meState.status === 'loading' ? <LoadingState /> : null}
      {meState.status === 'error' ? <ErrorState error={meState.error} /> : null}
      {meState.status === 'ready' && !allowed ? (
        <View className="section">
          <Notice tone="info" title={s.notAllowed} testId="obligations-not-allowed" />
        </View>
      ) : null}
      {allowed && !editor && !township ? <ReadOnlyNote /> : null}
      {error ? (
        <View className="section">
          <ErrorState error={error} title={s.saveFailed} />
        </View>
      ) : null}
      {done ? (
        <View className="section">
          <Notice tone={done.obliged ? 'success' : 'warning'} title={done.text} testId="petition-done" />
        </View>
      ) : null}

      {editor ? (
        <View className="section">
          {open ? (
            <View className="ms-form" data-testid="petition-form">
              <Text className="ms-heading2" {...roleProps('heading')} aria-level={2}>
                {s.petitionTitle}
              </Text>
              <Text className="ms-muted">{s.petitionIntro}</Text>
              <ChoiceGroup label={s.bodyLabel} testId="petition-body">
                {(['villager_assembly', 'representative_assembly'] as const).map((b) => (
                  <Choice key={b} label={s.bodies[b]} hint={s.bodyHints[b]} checked={form.body === b} onSelect={() => set('body', b)} testId={`petition-body-${b}`} />
                ))}
              </ChoiceGroup>
              <DateTimeField label={s.petitionDay} day={form.petitionedOn} end={today} onDay={(d) => set('petitionedOn', d)} error={errors.petitionedOn} testId="petition-date" />
              <AreaField label={s.subjectLabel} hint={s.subjectHint} value={form.subject} onChange={(v) => set('subject', v)} error={errors.subject} maxlength={500} testId="petition-subject" />
              {form.body === 'villager_assembly' ? <PeoplePicker label={s.adultSigners} value={form.adults} onChange={(p) => set('adults', p)} testId="petition-adults" /> : null}
              <RepresentativePicker value={form.reps} onChange={(p) => set('reps', p)} />
              {errors.signers ? (
                <Text className="ms-error" data-testid="petition-signers-error">
                  {errors.signers}
                </Text>
              ) : null}
              <PhotoPicker label={s.photosLabel} hint={s.photosHint} max={MATTER_PHOTOS_MAX} upload={uploadMatterFile} value={form.photos} onChange={(p) => set('photos', p)} testId="petition-photos" />
              <Button className="big-button ms-gap" type="primary" block disabled={busy} onClick={ask} data-testid="petition-submit">
                {busy ? s.saving : s.petitionSubmit}
              </Button>
              <Button className="big-button ms-gap" type="default" fill="outline" block disabled={busy} onClick={() => setOpen(false)}>
                {s.addClose}
              </Button>
            </View>
          ) : (
            <Button className="big-button" type="primary" block onClick={() => { setOpen(true); setDone(null); }} data-testid="petition-open">
              {s.petitionOpen}
            </Button>
          )}
        </View>
      ) : null}

      {allowed && meState.status === 'ready' ? (
        <View className="section">
          <ChoiceGroup label={s.filterLabel} row testId="obligations-filter">
            {FILTERS.map((f) => (
              <Choice key={f} compact label={s.filters[f]} checked={filter === f} onSelect={() => setFilter(f)} testId={`obligations-filter-${f}`} />
            ))}
          </ChoiceGroup>
          {loadError ? <ErrorState error={loadError} onRetry={() => void load()} /> : null}
          {!list && !loadError ? <LoadingState /> : null}
          {list && list.length === 0 ? (
            <Notice tone="info" title={filter === 'all' ? s.obligationsEmpty : s.obligationsEmptyFiltered(s.filters[filter])} testId="obligations-empty" />
          ) : null}
          {byVillage
            ? byVillage.map((g) => (
                <View key={g.id} className="ms-village" data-testid={`township-village-${g.id}`}>
                  <Text className={`ms-heading2${g.overdue > 0 ? ' ms-row__summary--warn' : ''}`} {...roleProps('heading')} aria-level={2}>
                    {s.townshipVillage(g.name, g.overdue)}
                  </Text>
                  {g.items.map((o) => (
                    <ObligationCard key={o.id} o={o} />
                  ))}
                </View>
              ))
            : list?.map((o) => <ObligationCard key={o.id} o={o} />)}
        </View>
      ) : null}

      {allowed && meState.status === 'ready' ? (
        <View className="section">
          <CadenceBlock township={township} />
        </View>
      ) : null}

      <ConfirmDialog
        open={asking}
        title={s.petitionConfirmTitle}
        confirmText={s.confirmPetition}
        cancelText={s.cancel}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setAsking(false)}
        testId="petition-confirm"
      >
        <Text className="matter-para">{s.petitionConfirmBody(s.bodies[form.body], form.body === 'villager_assembly' ? form.adults.length : 0, form.reps.length)}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}

export function groupByVillage(list: readonly TownshipConveningObligationView[]): Array<{ id: string; name: string; overdue: number; items: TownshipConveningObligationView[] }> {
  const groups: Array<{ id: string; name: string; overdue: number; items: TownshipConveningObligationView[] }> = [];
  for (const o of list) {
    let g = groups.find((x) => x.id === o.village.id);
    if (!g) {
      g = { id: o.village.id, name: o.village.name, overdue: 0, items: [] };
      groups.push(g);
    }
    g.items.push(o);
    if (o.status === 'overdue') g.overdue += 1;
  }
  return groups.sort((a, b) => b.overdue - a.overdue);
}
