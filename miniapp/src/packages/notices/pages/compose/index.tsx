import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  NOTICE_AUDIENCE_LABELS,
  NOTICE_BODY_MAX,
  NOTICE_CATEGORIES,
  NOTICE_KIND_LABELS,
  NOTICE_TITLE_MAX,
  addDays,
  noticeWindowDays,
  parseNoticeBody,
  type ApiErrorBody,
  type NoticeCategory,
  type NoticeDetail,
  type NoticePolicy,
} from '@village/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { pressProps, roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { routes, withQuery } from '../../../../constants/routes';
import { useRequest } from '../../../../hooks/useRequest';
import { authorableCategories, correctNotice, createNotice, getNotice, getNoticePolicy, updateNotice } from '../../../../services/api/notices';
import { useMe } from '../../../../hooks/useMe';
import { beijingToday, dayText } from '../../../../services/dates';
import { noteNoticesChanged } from '../../../../services/noticeEvents';
import type { Result } from '../../../../services/http';
import { AreaField } from '../../../../components/AreaField';
import { AttachmentUploader } from '../../components/AttachmentUploader';
import { DateTimeField } from '../../../../components/DateTimeField';
import { NoticeBody } from '../../components/NoticeBody';
import {
  correctionForm,
  correctionInput,
  draftInput,
  earliestEnd,
  emptyForm,
  formFromNotice,
  isComposeForm,
  localDraftKey,
  minDaysFor,
  sameForm,
  serverFieldErrors,
  validateForm,
  withStart,
  type ComposeForm,
  type FormErrors,
} from '../../utils/composeForm';
import '../../notices.css';

if (process.env.TARO_ENV === 'h5') {
  // The <input type=file> styles: selectors WeChat's stylesheet compiler does not take.
  require('../../h5.css');
}

const m = messages.notices;

type Mode = 'new' | 'edit' | 'correct';

function isCategory(value: unknown): value is NoticeCategory {
  return typeof value === 'string' && (NOTICE_CATEGORIES as readonly string[]).includes(value);
}

function readLocal(key: string): ComposeForm | null {
  try {
    const raw: unknown = Taro.getStorageSync(key);
    if (typeof raw !== 'string' || raw === '') return null;
    const parsed: unknown = JSON.parse(raw);
    return isComposeForm(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function writeLocal(key: string, form: ComposeForm | null): void {
  try {
    if (form) Taro.setStorageSync(key, JSON.stringify(form));
    else Taro.removeStorageSync(key);
  } catch {
    // Storage full or blocked: the form still works, it is just not kept.
  }
}

const noSource = (): Promise<Result<NoticeDetail | null>> => Promise.resolve({ ok: true, data: null, status: 200 });

/**
 * 写公告 / 修改草稿 / 写更正公告 (committee). Category, title, body in the small format (标题、加粗、
 * 列表、表格, with a short guide) and a live preview of what villagers will see, the window (today →
 * a week on, with the village's minimum said in words), 置顶, 给谁看 (仅党员 only for 党务), and
 * attachments with per-file progress once the draft exists. 保存草稿 is the one main action; the
 * server's problems appear next to their fields. What is typed is kept on the phone until it is saved.
 */
export default function ComposePage() {
  const router = useRouter();
  const { roles } = useMe();
  const categories = authorableCategories(roles);
  const editId = router.params.id || null;
  const correctId = router.params.correct || null;
  const presetKind = isCategory(router.params.kind) ? router.params.kind : null;
  const mode: Mode = editId ? 'edit' : correctId ? 'correct' : 'new';
  const sourceId = editId ?? correctId;

  const source = useRequest(() => (sourceId ? getNotice(sourceId) : noSource()), [sourceId]);
  const policyRequest = useRequest(getNoticePolicy, []);
  const policy: NoticePolicy | null = policyRequest.status === 'success' ? policyRequest.data : null;

  const [form, setForm] = useState<ComposeForm | null>(null);
  const [base, setBase] = useState<ComposeForm | null>(null);
  const [savedId, setSavedId] = useState<string | null>(editId);
  const [draft, setDraft] = useState<NoticeDetail | null>(null);
  const [restored, setRestored] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [serverError, setServerError] = useState<ApiErrorBody | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [formatOpen, setFormatOpen] = useState(false);
  const today = beijingToday();

  const storageKey = savedId ? localDraftKey('edit', savedId) : localDraftKey(mode, correctId ?? presetKind);
  const keyRef = useRef(storageKey);
  keyRef.current = storageKey;

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: mode === 'edit' ? m.editTitle : mode === 'correct' ? m.correctTitle : m.composeTitle });
  }, [mode]);

  // The starting form: empty, the draft, or the notice to correct; then what this phone kept, if any.
  useEffect(() => {
    if (form) return;
    let start: ComposeForm | null = null;
    // A preset category (from 首页's overdue line) or the only one this person writes.
    if (mode === 'new') start = emptyForm(today, presetKind ?? (categories.length === 1 ? categories[0] : null));
    else if (source.status === 'success' && source.data) {
      start = mode === 'edit' ? formFromNotice(source.data) : correctionForm(source.data, today, minDaysFor(policy, null));
      if (mode === 'edit') setDraft(source.data);
    }
    if (!start) return;
    setBase(start);
    const local = readLocal(storageKey);
    if (local && !sameForm(local, start)) {
      setForm(local);
      setRestored(true);
    } else setForm(start);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source.status]);

  // A village with a longer minimum: a new window is stretched to it (a saved draft keeps its dates).
  const minDays = minDaysFor(policy, form?.kind ?? null);
  useEffect(() => {
    if (mode === 'edit' || savedId) return;
    setForm((f) => (f && f.endsOn < earliestEnd(f.startsOn, minDays) ? { ...f, endsOn: addDays(f.startsOn, minDays) } : f));
  }, [minDays, mode, savedId]);

  // Keep what is typed on the phone until it is saved.
  useEffect(() => {
    if (!form || !base) return;
    const t = setTimeout(() => writeLocal(keyRef.current, sameForm(form, base) ? null : form), 400);
    return () => clearTimeout(t);
  }, [form, base]);

  const blocks = useMemo(() => (form ? parseNoticeBody(form.body) : []), [form?.body]); // eslint-disable-line react-hooks/exhaustive-deps

  function set<K extends keyof ComposeForm>(key: K, value: ComposeForm[K]): void {
    setSaved(false);
    setForm((f) => {
      if (!f) return f;
      const next = { ...f, [key]: value };
      if (key === 'kind' && value !== 'party') next.audience = 'all';
      return next;
    });
    const field = key === 'startsOn' || key === 'endsOn' ? 'window' : (key as keyof FormErrors);
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  }

  function discardRestored(): void {
    if (!base) return;
    writeLocal(storageKey, null);
    setForm(base);
    setRestored(false);
    setErrors({});
  }

  async function save(): Promise<void> {
    if (!form) return;
    const problems = validateForm(form, today, minDays);
    setErrors(problems);
    setServerError(null);
    setSaved(false);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    let result: Result<NoticeDetail>;
    if (savedId) result = await updateNotice(savedId, draftInput(form));
    else if (mode === 'correct' && correctId) {
      result = await correctNotice(correctId, correctionInput(form));
      if (result.ok && (result.data.pinned !== form.pinned || result.data.audience !== draftInput(form).audience)) {
        const created = result.data;
        result = await updateNotice(created.id, draftInput(form));
        if (!result.ok) {
          // The correction exists; only 置顶/给谁看 did not stick. Carry on as editing that draft.
          setSavedId(created.id);
          setDraft(created);
        }
      }
    } else result = await createNotice(draftInput(form));
    setSaving(false);
    if (!result.ok) {
      const byField = serverFieldErrors(result.error);
      setErrors(byField);
      if (Object.keys(byField).length === 0) setServerError(result.error);
      return;
    }
    writeLocal(storageKey, null);
    const next = formFromNotice(result.data);
    setSavedId(result.data.id);
    setDraft(result.data);
    setBase(next);
    setForm(next);
    setRestored(false);
    setSaved(true);
    noteNoticesChanged();
  }

  function goPublish(): void {
    if (!savedId) return;
    const url = withQuery(routes.noticeDetail, { id: savedId });
    if (mode === 'edit') void Taro.navigateBack().catch(() => Taro.redirectTo({ url }));
    else void Taro.redirectTo({ url });
  }

  const heading = mode === 'edit' ? m.editHeading : mode === 'correct' ? m.correctHeading : m.composeHeading;

  if (!form) {
    return (
      <PageShell testId="notice-compose-page">
        <Text className="nt-heading" {...roleProps('heading')} aria-level={1}>
          {heading}
        </Text>
        {source.status === 'error' ? <ErrorState error={source.error} onRetry={() => source.reload()} /> : <LoadingState />}
      </PageShell>
    );
  }

  if (mode === 'edit' && draft && !draft.can.edit && !saved) {
    return (
      <PageShell testId="notice-compose-page">
        <Text className="nt-heading" {...roleProps('heading')} aria-level={1}>
          {heading}
        </Text>
        <View className="section">
          <Notice tone="warning" title={m.notEditable} testId="compose-not-editable" />
        </View>
      </PageShell>
    );
  }

  const windowDays = form.endsOn >= form.startsOn ? noticeWindowDays({ startsOn: form.startsOn, endsOn: form.endsOn }) : 0;
  const hasProblems = Object.values(errors).some(Boolean);

  return (
    <PageShell testId="notice-compose-page">
      <Text className="nt-heading" {...roleProps('heading')} aria-level={1}>
        {heading}
      </Text>
      {mode === 'correct' && source.status === 'success' && source.data ? (
        <Text className="nt-para">{m.correctIntro(source.data.title)}</Text>
      ) : null}

      {restored ? (
        <View className="section">
          <Notice tone="info" title={m.restored} testId="compose-restored">
            <Text className="nt-link" {...roleProps('button')} onClick={discardRestored} {...pressProps(discardRestored)}>
              {m.discardRestored}
            </Text>
          </Notice>
        </View>
      ) : null}

      <View className="section nt-card">
        {mode === 'correct' ? (
          <Text className="nt-para">{`${m.kindLabel}：${form.kind ? NOTICE_KIND_LABELS[form.kind] : ''}`}</Text>
        ) : (
          <ChoiceGroup label={m.kindLabel} testId="compose-kind">
            {(categories.length > 0 ? categories : NOTICE_CATEGORIES).map((kind) => (
              <Choice
                key={kind}
                label={NOTICE_KIND_LABELS[kind]}
                hint={m.kindHints[kind]}
                checked={form.kind === kind}
                onSelect={() => set('kind', kind)}
                testId={`compose-kind-${kind}`}
              />
            ))}
          </ChoiceGroup>
        )}
        {errors.kind ? <Text className="nt-problem">{errors.kind}</Text> : null}

        <TextField
          label={m.titleLabel}
          value={form.title}
          onChange={(v) => set('title', v)}
          placeholder={m.titlePlaceholder}
          hint={messages.common.textCount(Array.from(form.title).length, NOTICE_TITLE_MAX)}
          error={errors.title}
          maxlength={NOTICE_TITLE_MAX}
          testId="compose-title"
        />
      </View>

      <View className="section nt-card">
        <AreaField
          label={m.bodyLabel}
          value={form.body}
          onChange={(v) => set('body', v)}
          placeholder={m.bodyPlaceholder}
          maxlength={NOTICE_BODY_MAX}
          error={errors.body}
          tall
          testId="compose-body"
        />
        <Text
          className="nt-toggle"
          {...roleProps('button')}
          aria-expanded={formatOpen}
          onClick={() => setFormatOpen((o) => !o)}
          {...pressProps(() => setFormatOpen((o) => !o))}
          data-testid="compose-format-toggle"
        >
          {formatOpen ? `▲ ${m.formatClose}` : `▼ ${m.formatOpen}`}
        </Text>
        {formatOpen ? (
          <View className="nt-format" data-testid="compose-format">
            <Text className="nt-muted">{m.formatIntro}</Text>
            {m.formatRows.map((row) => (
              <View key={row.write} className="nt-format__row">
                <Text className="nt-format__write">{row.write}</Text>
                <Text className="nt-format__shows">{row.shows}</Text>
              </View>
            ))}
            <Text className="nt-muted">{m.formatNote}</Text>
          </View>
        ) : null}

        <Text className="nt-field-label" {...roleProps('heading')} aria-level={2}>
          {m.previewTitle}
        </Text>
        <View className="nt-preview" data-testid="compose-preview">
          {blocks.length > 0 ? <NoticeBody blocks={blocks} testId="compose-preview-body" /> : <Text className="nt-muted">{m.previewEmpty}</Text>}
        </View>
      </View>

      <View className="section nt-card" data-testid="compose-window">
        <Text className="nt-sub" {...roleProps('heading')} aria-level={2}>
          {m.windowTitle}
        </Text>
        <DateTimeField
          label={m.windowStart}
          day={form.startsOn}
          start={today}
          onDay={(d) => {
            setSaved(false);
            setForm((f) => (f ? withStart(f, d, minDays) : f));
            if (errors.window) setErrors((e) => ({ ...e, window: undefined }));
          }}
          invalid={Boolean(errors.window)}
          testId="compose-starts"
        />
        <DateTimeField
          label={m.windowEnd}
          day={form.endsOn}
          start={form.startsOn}
          onDay={(d) => set('endsOn', d)}
          invalid={Boolean(errors.window)}
          testId="compose-ends"
        />
        <Text className="nt-para" data-testid="compose-window-length">
          {windowDays > 0 ? m.windowLength(windowDays) : ''}
        </Text>
        <Text className="nt-muted" data-testid="compose-window-min">
          {m.windowMin(minDays, dayText(earliestEnd(form.startsOn, minDays)))}
        </Text>
        {errors.window ? (
          <Text className="nt-problem" data-testid="compose-window-error">
            {errors.window}
          </Text>
        ) : null}
      </View>

      <View className="section nt-card">
        <ChoiceGroup label={m.pinnedLabel} testId="compose-pinned">
          <Choice label={m.pinnedNo} checked={!form.pinned} onSelect={() => set('pinned', false)} testId="compose-pinned-no" />
          <Choice label={m.pinnedYes} hint={m.pinnedYesHint} checked={form.pinned} onSelect={() => set('pinned', true)} testId="compose-pinned-yes" />
        </ChoiceGroup>
        {form.kind === 'party' ? (
          <ChoiceGroup label={m.audienceLabel} testId="compose-audience">
            {(['all', 'party_members'] as const).map((a) => (
              <Choice
                key={a}
                label={NOTICE_AUDIENCE_LABELS[a]}
                hint={m.audienceHints[a]}
                checked={form.audience === a}
                onSelect={() => set('audience', a)}
                testId={`compose-audience-${a}`}
              />
            ))}
          </ChoiceGroup>
        ) : null}
        {errors.audience ? <Text className="nt-problem">{errors.audience}</Text> : null}
      </View>

      <AttachmentUploader noticeId={savedId} attachments={draft?.attachments ?? []} />
      {errors.attachments ? <Text className="nt-problem">{errors.attachments}</Text> : null}

      <View className="section">
        {hasProblems ? <Notice tone="error" title={m.formProblems} testId="compose-problems" /> : null}
        {serverError ? <ErrorState error={serverError} title={m.saveFailed} /> : null}
        <Button className="big-button nt-gap" type="primary" block disabled={saving} onClick={() => void save()} data-testid="compose-save">
          {saving ? m.saving : m.save}
        </Button>
        {saved ? (
          <View className="nt-gap">
            <Notice tone="success" title={m.saved} testId="compose-saved">
              <Text>{m.savedNext}</Text>
            </Notice>
            <Button className="big-button nt-gap" type="primary" fill="outline" block onClick={goPublish} data-testid="compose-go-publish">
              {m.goPublish}
            </Button>
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
