import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  DEFAULT_PROPOSAL_CATEGORIES,
  PROPOSAL_BODY_MAX,
  PROPOSAL_PHOTOS_MAX,
  PROPOSAL_REPLY_DAYS_DEFAULT,
  PROPOSAL_TITLE_MAX,
  type ApiErrorBody,
  type ProposalFile,
} from '@village/shared';
import { useEffect, useRef, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { routes, withQuery } from '../../../../constants/routes';
import { createProposal, getProposalSettings, uploadProposalFile } from '../../../../services/api/proposals';
import { randomId } from '../../../../services/ids';
import { AreaField } from '../../../../components/AreaField';
import { PhotoPicker } from '../../../../components/PhotoPicker';
import { clearCreateDraft, readCreateDraft, saveCreateDraft } from '../../utils/draft';
import { checkCreateForm, type CreateErrors, type CreateForm } from '../../utils/form';
import '../../proposals.css';

const m = messages.proposals;

type Category = { code: string; label: string };

/**
 * 我要提议: a title, the text, the category as big rows, up to 9 photos (each uploaded at once, with
 * its progress); asks before sending, then opens the new proposal — which says plainly when it is
 * 内容审核中, or 未公开 and why. What is typed is kept on the phone until it is sent.
 */
export default function ProposalCreatePage() {
  const [form, setForm] = useState<CreateForm>({ title: '', body: '', categoryCode: null });
  const [photos, setPhotos] = useState<ProposalFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [restored, setRestored] = useState(false);
  const [categories, setCategories] = useState<Category[] | null>(null);
  const [replyDays, setReplyDays] = useState(PROPOSAL_REPLY_DAYS_DEFAULT);
  const [errors, setErrors] = useState<CreateErrors>({});
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  // One key for every tap on 确认 of the same text: a retry after a lost answer is not a second proposal.
  const key = useRef(randomId());
  const loaded = useRef(false);

  useEffect(() => {
    const draft = readCreateDraft();
    if (draft) {
      setForm({ title: draft.title, body: draft.body, categoryCode: draft.categoryCode });
      setPhotos(draft.photos);
      setRestored(true);
    }
    loaded.current = true;
    void getProposalSettings().then((r) => {
      if (r.ok) {
        setCategories(r.data.categories.filter((c) => c.enabled).map((c) => ({ code: c.code, label: c.label })));
        setReplyDays(r.data.replyDays);
      } else setCategories(DEFAULT_PROPOSAL_CATEGORIES.map((c) => ({ code: c.code, label: c.label })));
    });
  }, []);

  useEffect(() => {
    if (loaded.current) saveCreateDraft({ ...form, photos });
  }, [form, photos]);

  function set<K extends keyof CreateForm>(k: K, v: CreateForm[K]): void {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined }));
    key.current = randomId();
  }

  function ask(): void {
    const found = checkCreateForm(form, uploading);
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      // To the first problem, once it is on screen.
      setTimeout(() => void Taro.pageScrollTo({ selector: '.prop-error, .text-field__error', duration: 0 } as Taro.pageScrollTo.Option), 0);
      return;
    }
    setAsking(true);
  }

  async function submit(): Promise<void> {
    if (!form.categoryCode) return;
    setBusy(true);
    setError(null);
    const r = await createProposal({ title: form.title.trim(), body: form.body.trim(), categoryCode: form.categoryCode, photoIds: photos.map((p) => p.id) }, key.current);
    setBusy(false);
    setAsking(false);
    if (!r.ok) {
      setError(r.error);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      return;
    }
    clearCreateDraft();
    void Taro.redirectTo({ url: withQuery(routes.proposalDetail, { id: r.data.id }) });
  }

  return (
    <PageShell testId="proposal-create-page">
      <Text className="prop-heading" {...roleProps('heading')} aria-level={1}>
        {m.createTitle}
      </Text>
      <Text className="prop-para">{m.createIntro(replyDays)}</Text>
      {restored ? (
        <View className="section">
          <Notice tone="info" title={m.draftRestored} testId="proposal-draft-restored" />
        </View>
      ) : null}
      {error ? (
        <View className="section">
          <ErrorState error={error} title={m.createFailed} />
        </View>
      ) : null}

      <View className="section">
        <TextField
          label={m.titleLabel}
          hint={m.titleHint}
          value={form.title}
          onChange={(v) => set('title', v)}
          error={errors.title}
          maxlength={PROPOSAL_TITLE_MAX}
          testId="proposal-form-title"
        />
        <AreaField label={m.bodyLabel} hint={m.bodyHint} value={form.body} onChange={(v) => set('body', v)} error={errors.body} maxlength={PROPOSAL_BODY_MAX} testId="proposal-form-body" />
        {categories === null ? (
          <LoadingState label={m.categoriesLoading} />
        ) : (
          <ChoiceGroup label={m.categoryLabel} testId="proposal-form-category">
            {categories.map((c) => (
              <Choice key={c.code} label={c.label} checked={form.categoryCode === c.code} onSelect={() => set('categoryCode', c.code)} testId={`proposal-category-${c.code}`} />
            ))}
            {errors.categoryCode ? (
              <Text className="prop-error" data-testid="proposal-form-category-error">
                {errors.categoryCode}
              </Text>
            ) : null}
          </ChoiceGroup>
        )}
        <PhotoPicker
          label={m.photosLabel(PROPOSAL_PHOTOS_MAX)}
          hint={m.photosHint}
          max={PROPOSAL_PHOTOS_MAX}
          upload={uploadProposalFile}
          value={photos}
          onChange={(p) => {
            setPhotos(p);
            setErrors((e) => ({ ...e, photos: undefined }));
            key.current = randomId();
          }}
          onBusy={setUploading}
          error={errors.photos}
          testId="proposal-form-photos"
        />
        <Button className="big-button prop-gap" type="primary" block disabled={busy} onClick={ask} data-testid="proposal-form-submit">
          {busy ? m.submitting : m.submit}
        </Button>
      </View>

      <ConfirmDialog
        open={asking}
        title={m.confirmTitle}
        confirmText={m.confirmSubmit}
        cancelText={m.confirmBack}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setAsking(false)}
        testId="proposal-form-confirm"
      >
        <Text className="prop-para prop-strong">{`《${form.title.trim()}》`}</Text>
        <Text className="prop-para">{m.confirmBody}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
