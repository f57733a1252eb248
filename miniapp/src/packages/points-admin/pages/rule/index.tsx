import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { formatPointsChange, parsePoints, RULE_BOOK_TITLE_MAX, RULE_CATEGORY_MAX, RULE_ITEM_DESCRIPTION_MAX, type ApiErrorBody, type RuleBookDetail } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { AreaField } from '../../../../components/AreaField';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { LinkRow } from '../../../../components/LinkRow';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { routes, withQuery } from '../../../../constants/routes';
import { useRequest } from '../../../../hooks/useRequest';
import { randomId } from '../../../../services/ids';
import { exportRuleBook, getRuleBook, proposeRuleBook, saveRuleBook } from '../../../../services/points';
import { FailedNotice, LoadState } from '../../components/PageParts';
import { checkEditor, hasProblems, inputsOf, rowsOf, serverProblems, type EditorProblems, type ItemRow } from '../../utils/ruleBook';
import { whenText } from '../../utils/text';
import '../../points-admin.css';

const m = messages.pointsAdmin.rule;
const PROPOSE_BODY_MAX = 2000;

/**
 * One version of the 积分细则: its categories and items (a 负面清单 item is marked in words), 导出表格,
 * and for a draft the 两委's editor — add, change and remove items, each row's problems shown under
 * it (the server's too) — and 提交村民（代表）会议通过, which starts the 村规民约 matter and opens it.
 */
export default function RulePage() {
  const id = useRouter().params.id ?? '';
  const book = useRequest(() => getRuleBook(id), [id]);
  const [editing, setEditing] = useState<{ title: string; rows: ItemRow[]; version: number } | null>(null);
  const [problems, setProblems] = useState<EditorProblems>({ book: [], rows: {} });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [saved, setSaved] = useState(false);
  const [proposing, setProposing] = useState(false);
  const [proposal, setProposal] = useState({ title: '', body: '' });
  const [proposalProblem, setProposalProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  function edit(b: RuleBookDetail): void {
    setEditing({ title: b.title, rows: rowsOf(b, randomId), version: b.version });
    setProblems({ book: [], rows: {} });
    setError(null);
    setSaved(false);
  }

  function changeRow(index: number, patch: Partial<ItemRow>): void {
    setEditing((e) => (e ? { ...e, rows: e.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) } : e));
    setProblems((p) => {
      const rows = { ...p.rows };
      delete rows[index];
      return { ...p, rows };
    });
  }

  function addRow(): void {
    setEditing((e) => {
      if (!e) return e;
      const last = e.rows[e.rows.length - 1];
      return { ...e, rows: [...e.rows, { key: randomId(), code: '', category: last?.category ?? '', description: '', points: '', evidenceRequired: false }] };
    });
  }

  function removeRow(index: number): void {
    setEditing((e) => (e ? { ...e, rows: e.rows.filter((_, i) => i !== index) } : e));
    // The rows after it move up: their problems are checked again on 保存.
    setProblems({ book: [], rows: {} });
  }

  async function save(): Promise<void> {
    if (!editing) return;
    const found = checkEditor(editing.title, editing.rows);
    setProblems(found);
    if (hasProblems(found)) {
      setTimeout(() => void Taro.pageScrollTo({ selector: '.pa-error', duration: 0 } as Taro.pageScrollTo.Option), 0);
      return;
    }
    setBusy(true);
    setError(null);
    const r = await saveRuleBook(id, { title: editing.title.trim(), items: inputsOf(editing.rows), version: editing.version });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setProblems(serverProblems(r.error));
      return;
    }
    setEditing(null);
    setSaved(true);
    book.reload({ quiet: true });
  }

  function askPropose(): void {
    const body = proposal.body.trim();
    if (body === '') return setProposalProblem(m.proposeBodyRequired);
    if (body.length > PROPOSE_BODY_MAX) return setProposalProblem(m.proposeBodyTooLong(PROPOSE_BODY_MAX));
    setAsking(true);
  }

  async function propose(b: RuleBookDetail): Promise<void> {
    setBusy(true);
    setError(null);
    const r = await proposeRuleBook(b.id, { body: proposal.body.trim(), ...(proposal.title.trim() ? { matterTitle: proposal.title.trim() } : {}) });
    setBusy(false);
    setAsking(false);
    if (!r.ok) return setError(r.error);
    if (r.data.adoptingMatter) void Taro.redirectTo({ url: withQuery(routes.matterDetail, { id: r.data.adoptingMatter.id }) });
    else book.reload({ quiet: true });
  }

  async function download(b: RuleBookDetail): Promise<void> {
    setError(null);
    const r = await exportRuleBook(b.id, m.exportFile(b.number));
    if (!r.ok) setError(r.error);
  }

  return (
    <PageShell testId="points-rule-page">
      <LoadState request={book} />
      {book.status === 'success' ? (
        <View>
          <Text className="pa-heading" {...roleProps('heading')} aria-level={1}>
            {m.heading(book.data.number, book.data.title)}
          </Text>
          <Text className={`pa-para pa-strong${book.data.status === 'adopted' ? ' pa-ok' : ''}`} data-testid="points-rule-status">
            {book.data.status === 'adopted' ? `✓ ${book.data.statusLabel}` : book.data.statusLabel}
          </Text>
          <Text className="pa-para">{m.counts(book.data.itemCount, book.data.negativeCount, book.data.categories.length)}</Text>
          {book.data.adoptedOn ? <Text className="pa-muted">{m.adoptedOn(whenText(book.data.adoptedOn))}</Text> : null}
          {book.data.adoptingMatter ? (
            <View className="section">
              <LinkRow
                title={book.data.status === 'proposed' ? m.matterLink(book.data.adoptingMatter.name) : m.matterDone(book.data.adoptingMatter.name)}
                hint={book.data.status === 'proposed' ? m.matterLinkHint : m.matterDoneHint}
                url={withQuery(routes.matterDetail, { id: book.data.adoptingMatter.id })}
                testId="points-rule-matter"
              />
            </View>
          ) : null}

          {saved ? (
            <View className="section">
              <Notice tone="success" title={m.saved} testId="points-rule-saved" />
            </View>
          ) : null}
          <FailedNotice error={error} title={m.failed} />

          {!editing ? (
            <View className="section">
              {book.data.canEdit ? (
                <Button className="big-button" type="primary" block onClick={() => edit(book.data)} data-testid="points-rule-edit">
                  {m.edit}
                </Button>
              ) : (
                <Text className="pa-muted">{book.data.status === 'draft' ? m.committeeOnly : m.frozen}</Text>
              )}
              <Button className="big-button pa-gap" type="default" fill="outline" block onClick={() => void download(book.data)} data-testid="points-rule-export">
                {m.export}
              </Button>
            </View>
          ) : null}

          {editing ? (
            <View className="section" data-testid="points-rule-editor">
              <TextField label={m.titleLabel} value={editing.title} onChange={(v) => setEditing((e) => (e ? { ...e, title: v } : e))} maxlength={RULE_BOOK_TITLE_MAX} testId="points-rule-title" />
              {problems.book.map((p) => (
                <Text key={p} className="pa-error" data-testid="points-rule-book-error">{`⚠ ${p}`}</Text>
              ))}
              {editing.rows.map((r, i) => {
                const points = parsePoints(r.points);
                return (
                  <View key={r.key} className="pa-card pa-gap-top" data-testid={`points-rule-row-${i + 1}`}>
                    <Text className="pa-sub">{m.rowTitle(i + 1, points !== null && points < 0)}</Text>
                    <TextField label={m.codeLabel} hint={m.codeHint} value={r.code} onChange={(v) => changeRow(i, { code: v })} maxlength={12} testId={`points-rule-row-${i + 1}-code`} />
                    <TextField label={m.categoryLabel} value={r.category} onChange={(v) => changeRow(i, { category: v })} maxlength={RULE_CATEGORY_MAX} testId={`points-rule-row-${i + 1}-category`} />
                    <AreaField label={m.descriptionLabel} value={r.description} onChange={(v) => changeRow(i, { description: v })} maxlength={RULE_ITEM_DESCRIPTION_MAX} testId={`points-rule-row-${i + 1}-description`} />
                    <TextField label={m.pointsLabel} hint={m.pointsHint} value={r.points} onChange={(v) => changeRow(i, { points: v })} maxlength={6} testId={`points-rule-row-${i + 1}-points`} />
                    <ChoiceGroup label={m.evidenceLabel} row>
                      <Choice label={m.evidenceYes} checked={r.evidenceRequired} onSelect={() => changeRow(i, { evidenceRequired: true })} compact testId={`points-rule-row-${i + 1}-evidence-yes`} />
                      <Choice label={m.evidenceNo} checked={!r.evidenceRequired} onSelect={() => changeRow(i, { evidenceRequired: false })} compact testId={`points-rule-row-${i + 1}-evidence-no`} />
                    </ChoiceGroup>
                    {(problems.rows[i] ?? []).map((p) => (
                      <Text key={p} className="pa-error" data-testid={`points-rule-row-${i + 1}-error`}>{`⚠ ${p}`}</Text>
                    ))}
                    <Button className="big-button pa-gap" type="default" fill="outline" block disabled={busy} onClick={() => removeRow(i)} data-testid={`points-rule-row-${i + 1}-remove`}>
                      {m.removeRow}
                    </Button>
                  </View>
                );
              })}
              <Button className="big-button pa-gap" type="default" fill="outline" block disabled={busy} onClick={addRow} data-testid="points-rule-add-row">
                {m.addRow}
              </Button>
              <Button className="big-button pa-gap" type="primary" block disabled={busy} onClick={() => void save()} data-testid="points-rule-save">
                {busy ? m.saving : m.save}
              </Button>
              <Button className="big-button pa-gap" type="default" fill="outline" block disabled={busy} onClick={() => setEditing(null)} data-testid="points-rule-cancel">
                {m.cancel}
              </Button>
            </View>
          ) : (
            book.data.categories.map((c) => (
              <View key={c.name} className="section pa-card" data-testid={`points-rule-category-${c.name}`}>
                <Text className="pa-sub" {...roleProps('heading')} aria-level={2}>
                  {m.categoryTitle(c.name, c.items.length)}
                </Text>
                {c.items.map((i) => (
                  <View key={i.code} className="pa-item" data-testid={`points-rule-item-${i.code}`}>
                    <Text className="pa-para pa-strong">{`${i.code} ${i.description}`}</Text>
                    <Text className={`pa-para${i.negative ? ' pa-bad' : ''}`}>
                      {[formatPointsChange(i.pointsTenths), i.negative ? m.negative : null, i.evidenceRequired ? m.needsPhoto : null].filter(Boolean).join('，')}
                    </Text>
                  </View>
                ))}
              </View>
            ))
          )}

          {book.data.canEdit && !editing ? (
            <View className="section pa-card" data-testid="points-rule-propose">
              <Text className="pa-sub" {...roleProps('heading')} aria-level={2}>
                {m.proposeTitle}
              </Text>
              <Text className="pa-para">{m.proposeIntro}</Text>
              {proposing ? (
                <View>
                  <TextField label={m.proposeMatterTitle} hint={m.proposeMatterTitleHint(book.data.title)} value={proposal.title} onChange={(v) => setProposal((p) => ({ ...p, title: v }))} maxlength={60} testId="points-rule-propose-title" />
                  <AreaField label={m.proposeBody} hint={m.proposeBodyHint} value={proposal.body} onChange={(v) => { setProposal((p) => ({ ...p, body: v })); setProposalProblem(null); }} error={proposalProblem} maxlength={PROPOSE_BODY_MAX} testId="points-rule-propose-body" />
                  <Button className="big-button pa-gap" type="primary" block disabled={busy} onClick={askPropose} data-testid="points-rule-propose-submit">
                    {m.propose}
                  </Button>
                </View>
              ) : (
                <Button className="big-button pa-gap" type="primary" fill="outline" block onClick={() => setProposing(true)} data-testid="points-rule-propose-open">
                  {m.propose}
                </Button>
              )}
            </View>
          ) : null}

          <ConfirmDialog open={asking} title={m.confirmPropose} confirmText={m.propose} busy={busy} onConfirm={() => void propose(book.data)} onCancel={() => setAsking(false)} testId="points-rule-propose-confirm">
            <Text className="pa-para">{m.confirmProposeBody(book.data.itemCount)}</Text>
          </ConfirmDialog>
        </View>
      ) : null}
    </PageShell>
  );
}
