import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ApiErrorBody, RuleBookSummary } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { LinkRow } from '../../../../components/LinkRow';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { isCommittee } from '../../../../constants/roles';
import { routes, withQuery } from '../../../../constants/routes';
import { useMe } from '../../../../hooks/useMe';
import { useRequest } from '../../../../hooks/useRequest';
import { createRuleBook, importNewRuleBook, listRuleBooks } from '../../../../services/points';
import { FailedNotice, LoadState, PageHeading } from '../../components/PageParts';
import { XlsxPicker, type PickedXlsx } from '../../components/XlsxPicker';
import { serverProblems } from '../../utils/ruleBook';
import { whenText } from '../../utils/text';
import '../../points-admin.css';

const m = messages.pointsAdmin.rules;
const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

function bookHint(b: RuleBookSummary): string {
  const parts = [b.statusLabel, m.counts(b.itemCount, b.negativeCount)];
  if (b.adoptedOn) parts.push(m.adoptedOn(whenText(b.adoptedOn)));
  return parts.join('，');
}

/**
 * 积分细则 (村规民约的积分部分): the version in force (正在执行), drafts, and versions waiting for the
 * 村民（代表）会议 with a link to their matter. The 两委 start a new version — a copy of the one in
 * force — or import one from a spreadsheet; either is a draft until the meeting adopts it.
 */
export default function RulesPage() {
  const { roles } = useMe();
  const committee = isCommittee(roles);
  const list = useRequest(() => listRuleBooks(), []);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // A refused import: every row's problem on its own line, so the clerk can fix the sheet row by row.
  const [sheetProblems, setSheetProblems] = useState<string[]>([]);

  const open = (id: string) => void Taro.navigateTo({ url: withQuery(routes.pointsRule, { id }) });

  async function newVersion(): Promise<void> {
    if (list.status !== 'success') return;
    setBusy(true);
    setError(null);
    const effective = list.data.effective;
    // A copy of the version in force (the server copies its items and title: both left out, as the
    // contract says), or an empty draft when none is.
    const r = await createRuleBook(effective ? { copyFrom: effective.id } : { title: m.newTitle, items: [] });
    setBusy(false);
    setAsking(false);
    if (!r.ok) return setError(r.error);
    open(r.data.id);
  }

  async function importFile(file: PickedXlsx): Promise<void> {
    setError(null);
    setProblem(null);
    setSheetProblems([]);
    if (!/\.xlsx$/i.test(file.name)) return setProblem(m.importWrongType);
    if (file.size > IMPORT_MAX_BYTES) return setProblem(m.importTooLarge(IMPORT_MAX_BYTES / 1024 / 1024));
    setBusy(true);
    const r = await importNewRuleBook({ filePath: file.path, fileName: file.name });
    setBusy(false);
    if (!r.ok) {
      const found = serverProblems(r.error);
      // Row numbers are integer keys: Object.values lists them in row order.
      const lines = [...found.book, ...Object.values(found.rows).flat()];
      return lines.length > 0 ? setSheetProblems(lines) : setError(r.error);
    }
    open(r.data.id);
  }

  return (
    <PageShell testId="points-rules-page">
      <PageHeading title={m.heading} intro={m.intro} />

      <FailedNotice error={error} title={m.failed} />
      {problem ? (
        <View className="section">
          <Notice tone="error" title={problem} testId="points-rules-problem" />
        </View>
      ) : null}
      <LoadState request={list} />

      {list.status === 'success' ? (
        <View>
          <View className="section">
            <Text className="pa-sub" {...roleProps('heading')} aria-level={2}>
              {m.effectiveTitle}
            </Text>
            {list.data.effective ? (
              <LinkRow title={`✓ ${m.bookTitle(list.data.effective.number, list.data.effective.title)}`} hint={bookHint(list.data.effective)} url={withQuery(routes.pointsRule, { id: list.data.effective.id })} testId="points-rules-effective" />
            ) : (
              <Notice tone="warning" title={m.noneEffective} testId="points-rules-none">
                <Text className="pa-para">{m.noneEffectiveHint}</Text>
              </Notice>
            )}
          </View>

          {committee ? (
            <View className="section">
              <Button className="big-button" type="primary" block disabled={busy} onClick={() => setAsking(true)} data-testid="points-rules-new">
                {m.newVersion}
              </Button>
              <Text className="pa-muted">{list.data.effective ? m.newVersionHint : m.newEmptyHint}</Text>
              <View className="pa-gap-top">
                <XlsxPicker label={m.importLabel} disabled={busy} onPick={(f) => void importFile(f)} testId="points-rules-import" />
              </View>
              <Text className="pa-muted">{m.importHint}</Text>
              {sheetProblems.length > 0 ? (
                <View className="pa-gap-top">
                  <Notice tone="error" title={m.failed} testId="points-rules-import-problems">
                    {sheetProblems.map((p) => (
                      <Text key={p} className="pa-error" data-testid="points-rules-import-problem">{`⚠ ${p}`}</Text>
                    ))}
                  </Notice>
                </View>
              ) : null}
            </View>
          ) : null}

          <View className="section">
            <Text className="pa-sub" {...roleProps('heading')} aria-level={2}>
              {m.allTitle}
            </Text>
            {list.data.books.length === 0 ? <Text className="pa-para">{m.empty}</Text> : null}
            {list.data.books.map((b) => (
              <View key={b.id}>
                <LinkRow title={m.bookTitle(b.number, b.title)} hint={bookHint(b)} url={withQuery(routes.pointsRule, { id: b.id })} testId={`points-rules-book-${b.number}`} />
                {b.status === 'proposed' && b.adoptingMatter ? (
                  <LinkRow title={m.matterLink(b.adoptingMatter.name)} hint={m.matterLinkHint} url={withQuery(routes.matterDetail, { id: b.adoptingMatter.id })} testId={`points-rules-book-${b.number}-matter`} />
                ) : null}
              </View>
            ))}
          </View>
        </View>
      ) : null}

      <ConfirmDialog open={asking} title={m.confirmNew} confirmText={m.newVersion} busy={busy} onConfirm={() => void newVersion()} onCancel={() => setAsking(false)} testId="points-rules-new-confirm">
        <Text className="pa-para">{m.confirmNewBody}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
