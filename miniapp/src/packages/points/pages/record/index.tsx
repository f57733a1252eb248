import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  earliestRecordableDay,
  formatPointsChange,
  POINTS_NOTE_MAX,
  POINTS_PHOTOS_MAX,
  type ApiErrorBody,
  type HouseholdListItem,
  type HouseholdMember,
  type PointsRecordView,
  type RuleBookDetail,
  type RuleItemView,
} from '@village/shared';
import { useEffect, useRef, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { AreaField } from '../../../../components/AreaField';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { DateTimeField } from '../../../../components/DateTimeField';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { PhotoPicker } from '../../../../components/PhotoPicker';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { routes } from '../../../../constants/routes';
import { useMe } from '../../../../hooks/useMe';
import { getHousehold, listHouseholds } from '../../../../services/api/roster';
import { CLIENT_ERROR_CODES } from '../../../../services/http';
import { beijingToday, dayText } from '../../../../services/dates';
import { randomId } from '../../../../services/ids';
import { getRuleBook, listRuleBooks, recordPoints, uploadPointsPhotoNamed } from '../../../../services/points';
import { clearRecordDraft, readRecordDraft, saveRecordDraft, type PickedHousehold, type RecordDraft, type RecordMode } from './draft';
import './index.css';

const m = messages.pointsAdmin.record;
/** Items listed under the search box at a time; the search narrows the rest. */
const ITEMS_SHOWN = 12;

type Book = { status: 'loading' } | { status: 'none' } | { status: 'error'; error: ApiErrorBody } | { status: 'ready'; book: RuleBookDetail };
type Send = { status: 'idle' } | { status: 'sending' } | { status: 'failed'; error: ApiErrorBody } | { status: 'done'; record: PointsRecordView };
type Errors = Partial<Record<'household' | 'item' | 'occurredOn' | 'note' | 'photos', string>>;

function emptyDraft(household: PickedHousehold | null): RecordDraft {
  return { household, residentId: null, itemCode: null, occurredOn: beijingToday(), note: '', photos: [], key: randomId() };
}

/** Everything that can be recorded, in the book's order, with the category on each item. */
function itemsOf(book: RuleBookDetail): RuleItemView[] {
  return book.categories.flatMap((c) => c.items);
}

function matches(item: RuleItemView, q: string): boolean {
  const t = q.trim().toLowerCase();
  return t === '' || item.code.toLowerCase().includes(t) || item.description.includes(t) || item.category.includes(t);
}

function itemHint(item: RuleItemView): string {
  return [item.category, formatPointsChange(item.pointsTenths), item.negative ? m.negativeWord : null, item.evidenceRequired ? m.evidenceWord : null].filter(Boolean).join('，');
}

const lostConnection = (e: ApiErrorBody) => e.code === CLIENT_ERROR_CODES.network || e.code === CLIENT_ERROR_CODES.timeout;

/**
 * 记积分, one form for two people: the 网格员 records an item for a household of their grid (实时记录);
 * with `?as=self` a villager reports one for their own household (群众申报, positive items only).
 * Either way the record waits for the 评议小组. The form is kept on the phone with its
 * Idempotency-Key until the server accepts it, so 重试 after a lost signal never records twice.
 */
export default function RecordPage() {
  const router = useRouter();
  const mode: RecordMode = router.params.as === 'self' ? 'self' : 'leader';
  const { me, state: meState } = useMe();
  const ownHousehold: PickedHousehold | null = me?.household ? { id: me.household.id, number: me.household.number, label: m.ownHousehold(me.household.number) } : null;

  const [book, setBook] = useState<Book>({ status: 'loading' });
  const [draft, setDraft] = useState<RecordDraft>(() => emptyDraft(null));
  const [restored, setRestored] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [asking, setAsking] = useState(false);
  const [send, setSend] = useState<Send>({ status: 'idle' });
  const [uploading, setUploading] = useState(false);
  const [itemQuery, setItemQuery] = useState('');
  const [householdQuery, setHouseholdQuery] = useState('');
  const [households, setHouseholds] = useState<{ status: 'idle' | 'loading' } | { status: 'error'; error: ApiErrorBody } | { status: 'ready'; items: HouseholdListItem[] }>({ status: 'idle' });
  const [members, setMembers] = useState<HouseholdMember[] | null>(null);
  const loaded = useRef(false);

  useEffect(() => {
    if (mode === 'self') void Taro.setNavigationBarTitle({ title: m.selfTitle });
  }, [mode]);

  function loadBook(): void {
    setBook({ status: 'loading' });
    void listRuleBooks().then(async (list) => {
      if (!list.ok) return setBook({ status: 'error', error: list.error });
      if (!list.data.effective) return setBook({ status: 'none' });
      const detail = await getRuleBook(list.data.effective.id);
      setBook(detail.ok ? { status: 'ready', book: detail.data } : { status: 'error', error: detail.error });
    });
  }

  useEffect(() => {
    loadBook();
    const kept = readRecordDraft(mode);
    if (kept) {
      setDraft(kept);
      setRestored(true);
    }
    loaded.current = true;
  }, [mode]);

  // Self-report: always my own household (a draft from before a move to another household is not kept).
  useEffect(() => {
    if (mode === 'self' && ownHousehold && draft.household?.id !== ownHousehold.id) setDraft((d) => ({ ...d, household: ownHousehold, residentId: null }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, ownHousehold?.id]);

  useEffect(() => {
    if (loaded.current && send.status !== 'done') saveRecordDraft(mode, draft);
  }, [draft, mode, send.status]);

  // The members of the chosen household, to say whom the record is about (optional).
  useEffect(() => {
    setMembers(null);
    const h = draft.household;
    if (!h) return;
    if (mode === 'self') {
      setMembers(me?.household?.members ?? []);
      return;
    }
    void getHousehold(h.id).then((r) => setMembers(r.ok ? r.data.members.filter((x) => x.status === 'active').map((x) => ({ id: x.id, name: x.name, relationToHead: x.relationToHead, isRepresentative: x.isRepresentative })) : []));
  }, [draft.household?.id, mode]);

  function searchHouseholds(): void {
    setHouseholds({ status: 'loading' });
    void listHouseholds({ q: householdQuery.trim() || undefined, pageSize: 20 }).then((r) => setHouseholds(r.ok ? { status: 'ready', items: r.data.items } : { status: 'error', error: r.error }));
  }

  useEffect(() => {
    if (mode === 'leader') searchHouseholds();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode]);

  function change(patch: Partial<RecordDraft>, field?: keyof Errors): void {
    // Something changed: a new key, so this is a new write and not a repeat of the one that failed.
    setDraft((d) => ({ ...d, ...patch, key: randomId() }));
    if (field) setErrors((e) => ({ ...e, [field]: undefined }));
    if (send.status === 'failed') setSend({ status: 'idle' });
  }

  const items = book.status === 'ready' ? itemsOf(book.book).filter((i) => mode === 'leader' || !i.negative) : [];
  const item = items.find((i) => i.code === draft.itemCode) ?? null;
  const shown = items.filter((i) => matches(i, itemQuery));
  const today = beijingToday();
  const earliest = earliestRecordableDay(today);

  function check(): Errors {
    const e: Errors = {};
    if (!draft.household) e.household = mode === 'self' ? m.noOwnHousehold : m.pickHousehold;
    if (!item) e.item = m.pickItem;
    if (!draft.occurredOn) e.occurredOn = m.pickDay;
    else if (draft.occurredOn > today) e.occurredOn = m.dayInFuture;
    else if (draft.occurredOn < earliest) e.occurredOn = m.dayTooEarly(dayText(earliest));
    if (draft.note.length > POINTS_NOTE_MAX) e.note = m.noteTooLong(POINTS_NOTE_MAX);
    if (uploading) e.photos = m.waitUpload;
    else if (item?.evidenceRequired && draft.photos.length === 0) e.photos = m.photoRequired;
    return e;
  }

  function ask(): void {
    const found = check();
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      setTimeout(() => void Taro.pageScrollTo({ selector: '.rec-error, .text-field__error, .photo-picker__error, .dt-field__error', duration: 0 } as Taro.pageScrollTo.Option), 0);
      return;
    }
    setAsking(true);
  }

  async function submit(): Promise<void> {
    if (!draft.household || !item) return;
    setAsking(false);
    setRestored(false);
    setSend({ status: 'sending' });
    const r = await recordPoints(
      {
        householdId: draft.household.id,
        ...(draft.residentId ? { residentId: draft.residentId } : {}),
        itemCode: item.code,
        occurredOn: draft.occurredOn,
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
        photoIds: draft.photos.map((p) => p.id),
      },
      draft.key,
    );
    if (!r.ok) {
      setSend({ status: 'failed', error: r.error });
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      return;
    }
    clearRecordDraft(mode);
    setSend({ status: 'done', record: r.data });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  }

  function another(): void {
    // The next record is often for the same household (网格员 going door to door) — but not the same item.
    const next = emptyDraft(draft.household);
    setDraft(next);
    setErrors({});
    setItemQuery('');
    setRestored(false);
    setSend({ status: 'idle' });
    saveRecordDraft(mode, next);
  }

  const heading = mode === 'self' ? m.selfHeading : m.leaderHeading;

  if (send.status === 'done') {
    const rec = send.record;
    return (
      <PageShell testId="points-record-page">
        <Text className="rec-heading" {...roleProps('heading')} aria-level={1}>
          {heading}
        </Text>
        <View className="section">
          <Notice tone="success" title={m.done} testId="points-record-done">
            <Text className="rec-para">{`${rec.household.label}：${rec.itemCode} ${rec.itemDescription}，${formatPointsChange(rec.pointsTenths)}`}</Text>
            <Text className="rec-para">{m.doneHint}</Text>
          </Notice>
        </View>
        <View className="section">
          <Button className="big-button" type="primary" block onClick={another} data-testid="points-record-another">
            {m.another}
          </Button>
          <Button className="big-button rec-gap" type="default" fill="outline" block onClick={() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: routes.points }))} data-testid="points-record-back">
            {m.back}
          </Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell testId="points-record-page">
      <Text className="rec-heading" {...roleProps('heading')} aria-level={1}>
        {heading}
      </Text>
      <Text className="rec-para">{mode === 'self' ? m.selfIntro : m.leaderIntro}</Text>

      {book.status === 'loading' ? <LoadingState label={m.bookLoading} /> : null}
      {book.status === 'error' ? (
        <View className="section">
          <ErrorState error={book.error} title={m.bookFailed} onRetry={loadBook} />
        </View>
      ) : null}
      {book.status === 'none' ? (
        <View className="section">
          <Notice tone="info" title={m.noBook} testId="points-record-no-book">
            <Text className="rec-para">{m.noBookHint}</Text>
          </Notice>
        </View>
      ) : null}

      {book.status === 'ready' ? (
        <View>
          {restored ? (
            <View className="section">
              <Notice tone="info" title={m.draftRestored} testId="points-record-restored" />
            </View>
          ) : null}
          {send.status === 'failed' ? (
            <View className="section" data-testid="points-record-failed">
              <Notice tone="error" title={lostConnection(send.error) ? m.sendLost : m.sendRefused}>
                <Text className="rec-para">{lostConnection(send.error) ? m.sendLostHint : send.error.message}</Text>
              </Notice>
              <Button className="big-button rec-gap" type="primary" block onClick={() => void submit()} data-testid="points-record-retry">
                {m.retry}
              </Button>
            </View>
          ) : null}

          {/* 哪一户 */}
          <View className="section rec-card">
            <Text className="rec-sub" {...roleProps('heading')} aria-level={2}>
              {m.householdTitle}
            </Text>
            {mode === 'self' ? (
              ownHousehold ? (
                <Text className="rec-para rec-strong" data-testid="points-record-own-household">
                  {ownHousehold.label}
                </Text>
              ) : meState.status === 'loading' ? (
                <LoadingState />
              ) : (
                <Text className="rec-error">{m.noOwnHousehold}</Text>
              )
            ) : draft.household ? (
              <View>
                <Text className="rec-para rec-strong" data-testid="points-record-household">{`✓ ${draft.household.label}`}</Text>
                <Button className="big-button rec-gap" type="default" fill="outline" block onClick={() => change({ household: null, residentId: null }, 'household')} data-testid="points-record-change-household">
                  {m.changeHousehold}
                </Button>
              </View>
            ) : (
              <View>
                <TextField label={m.householdSearch} hint={m.householdSearchHint} value={householdQuery} onChange={setHouseholdQuery} onConfirm={searchHouseholds} testId="points-record-household-q" />
                <Button className="big-button" type="primary" fill="outline" block onClick={searchHouseholds} data-testid="points-record-household-search">
                  {m.search}
                </Button>
                {households.status === 'loading' ? <LoadingState /> : null}
                {households.status === 'error' ? <ErrorState error={households.error} onRetry={searchHouseholds} /> : null}
                {households.status === 'ready' && households.items.length === 0 ? <Text className="rec-para">{m.noHouseholds}</Text> : null}
                {households.status === 'ready' && households.items.length > 0 ? (
                  <ChoiceGroup label={m.householdPick}>
                    {households.items.map((h) => (
                      <Choice
                        key={h.id}
                        label={m.householdLabel(h.number, h.representative?.name ?? null)}
                        hint={m.householdHint(h.grid.name, h.activeMembers)}
                        checked={false}
                        onSelect={() => change({ household: { id: h.id, number: h.number, label: m.householdLabel(h.number, h.representative?.name ?? null) }, residentId: null }, 'household')}
                        testId={`points-record-household-${h.number}`}
                      />
                    ))}
                  </ChoiceGroup>
                ) : null}
              </View>
            )}
            {errors.household ? <Text className="rec-error">{errors.household}</Text> : null}
            {draft.household && members && members.length > 0 ? (
              <ChoiceGroup label={m.memberTitle} testId="points-record-member">
                <Choice label={m.wholeHousehold} checked={!draft.residentId} onSelect={() => change({ residentId: null })} compact testId="points-record-member-all" />
                {members.map((p) => (
                  <Choice key={p.id} label={p.name} hint={p.relationToHead} checked={draft.residentId === p.id} onSelect={() => change({ residentId: p.id })} compact testId={`points-record-member-${p.id}`} />
                ))}
              </ChoiceGroup>
            ) : null}
          </View>

          {/* 哪一项 */}
          <View className="section rec-card">
            <Text className="rec-sub" {...roleProps('heading')} aria-level={2}>
              {m.itemTitle}
            </Text>
            {mode === 'self' ? <Text className="rec-muted">{m.selfItemsOnly}</Text> : null}
            {item ? (
              <View data-testid="points-record-item">
                <Text className="rec-para rec-strong">{`✓ ${item.code} ${item.description}`}</Text>
                <Text className={`rec-para${item.negative ? ' rec-negative' : ''}`}>{itemHint(item)}</Text>
                <Button className="big-button rec-gap" type="default" fill="outline" block onClick={() => change({ itemCode: null }, 'item')} data-testid="points-record-change-item">
                  {m.changeItem}
                </Button>
              </View>
            ) : (
              <View>
                <TextField label={m.itemSearch} hint={m.itemSearchHint} value={itemQuery} onChange={setItemQuery} testId="points-record-item-q" />
                {shown.length === 0 ? <Text className="rec-para">{m.noItems}</Text> : null}
                <ChoiceGroup label={m.itemPick}>
                  {shown.slice(0, ITEMS_SHOWN).map((i) => (
                    <Choice key={i.code} label={`${i.code} ${i.description}`} hint={itemHint(i)} checked={false} onSelect={() => change({ itemCode: i.code }, 'item')} testId={`points-record-item-${i.code}`} />
                  ))}
                </ChoiceGroup>
                {shown.length > ITEMS_SHOWN ? <Text className="rec-muted">{m.moreItems(shown.length - ITEMS_SHOWN)}</Text> : null}
              </View>
            )}
            {errors.item ? <Text className="rec-error">{errors.item}</Text> : null}
          </View>

          {/* 哪天、说明、照片 */}
          <View className="section rec-card">
            <DateTimeField label={m.dayLabel} hint={m.dayHint} day={draft.occurredOn} onDay={(d) => change({ occurredOn: d }, 'occurredOn')} start={earliest} end={today} error={errors.occurredOn} testId="points-record-day" />
            <AreaField label={m.noteLabel} hint={m.noteHint} value={draft.note} onChange={(v) => change({ note: v }, 'note')} error={errors.note} maxlength={POINTS_NOTE_MAX} testId="points-record-note" />
            <PhotoPicker
              label={m.photosLabel(POINTS_PHOTOS_MAX)}
              hint={item?.evidenceRequired ? m.photosRequiredHint : mode === 'self' ? m.photosSelfHint : m.photosHint}
              max={POINTS_PHOTOS_MAX}
              upload={uploadPointsPhotoNamed}
              value={draft.photos}
              onChange={(photos) => change({ photos }, 'photos')}
              onBusy={setUploading}
              error={errors.photos}
              testId="points-record-photos"
            />
          </View>

          <View className="section">
            {mode === 'self' ? <Text className="rec-para">{m.selfAfter}</Text> : null}
            <Button className="big-button" type="primary" block disabled={send.status === 'sending' || (mode === 'self' && !draft.household)} onClick={ask} data-testid="points-record-submit">
              {send.status === 'sending' ? m.sending : mode === 'self' ? m.submitSelf : m.submit}
            </Button>
          </View>
        </View>
      ) : null}

      <ConfirmDialog
        open={asking}
        title={mode === 'self' ? m.confirmSelfTitle : m.confirmTitle}
        confirmText={m.confirm}
        cancelText={m.confirmBack}
        busy={send.status === 'sending'}
        onConfirm={() => void submit()}
        onCancel={() => setAsking(false)}
        testId="points-record-confirm"
      >
        {draft.household && item ? (
          <View>
            <Text className="rec-para rec-strong">{draft.household.label}</Text>
            <Text className="rec-para">{`${item.code} ${item.description}`}</Text>
            <Text className="rec-para rec-strong">{`${formatPointsChange(item.pointsTenths)}${item.negative ? `（${m.negativeWord}）` : ''}`}</Text>
            <Text className="rec-para">{m.confirmDay(dayText(draft.occurredOn), draft.photos.length)}</Text>
            <Text className="rec-para">{m.confirmBody}</Text>
          </View>
        ) : null}
      </ConfirmDialog>
    </PageShell>
  );
}
