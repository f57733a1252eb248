import { Input, Text, View } from '@tarojs/components';
import type { BallotChoice, BallotReceiptList, ChoiceCount } from '@village/shared';
import { useMemo, useState } from 'react';
import { roleProps } from '../../../components/a11y';
import { Notice } from '../../../components/Notice';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';
import { findReceipt, normaliseReceiptCode } from '../utils/receipts';
import { choiceLabels } from '../utils/selection';

const m = messages.ballots;
const PAGE = 30;

type Search = { kind: 'none' } | { kind: 'invalid' } | { kind: 'found'; code: string; labels: string } | { kind: 'missing'; code: string };

/** "同意 30，反对 5，弃权 2" */
export function sumLine(choices: readonly BallotChoice[], counts: Record<string, number>): string {
  return choices.map((c) => `${c.label} ${counts[c.key] ?? 0}`).join('，');
}

/** Receipts + paper per choice, and whether they add up to the result's totals. */
export function recount(list: BallotReceiptList, counts: readonly ChoiceCount[]): { sums: Record<string, number>; matches: boolean } {
  const sums: Record<string, number> = {};
  for (const c of counts) sums[c.key] = (list.onlineCounts[c.key] ?? 0) + (list.paperCounts[c.key] ?? 0);
  return { sums, matches: counts.every((c) => sums[c.key] === c.total) };
}

/**
 * 核对回执 (secret ballots, once closed): a search box — the code kept on this phone is looked up at
 * once — then every receipt with its choice, the one found highlighted ("✓ 您的选票已计入"), and the
 * sums so anyone can recount: receipts + paper = the result. The search runs on the phone: no code
 * travels in an address or a log line.
 */
export function ReceiptList({
  list,
  choices,
  counts,
  myCode,
}: {
  list: BallotReceiptList;
  choices: BallotChoice[];
  counts: ChoiceCount[];
  myCode: string | null;
}) {
  const [text, setText] = useState(myCode ?? '');
  const [search, setSearch] = useState<Search>(() => (myCode ? run(myCode) : { kind: 'none' }));
  const [shown, setShown] = useState(PAGE);

  function run(input: string): Search {
    const code = normaliseReceiptCode(input);
    if (!code) return { kind: 'invalid' };
    const hit = findReceipt(list.receipts, code);
    return hit ? { kind: 'found', code, labels: choiceLabels(choices, hit.receipt.choices) } : { kind: 'missing', code };
  }

  function submit(): void {
    const next = run(text);
    setSearch(next);
    if (next.kind === 'found') {
      const index = findReceipt(list.receipts, next.code)?.index ?? 0;
      if (index >= shown) setShown(index + 1);
    }
  }

  const highlighted = search.kind === 'found' ? search.code : null;
  const check = useMemo(() => recount(list, counts), [list, counts]);
  const rows = list.receipts.slice(0, shown);

  return (
    <View className="section ballot-card" data-testid="ballot-receipts">
      <Text className="ballot-card__title" {...roleProps('heading')} aria-level={2}>
        {m.receiptsTitle}
      </Text>
      <Text className="ballot-para">{m.receiptsIntro}</Text>
      {myCode ? (
        <Text className="ballot-para ballot-strong">
          {m.mineLabel}
          <Text className="ballot-nowrap">{myCode}</Text>
        </Text>
      ) : null}

      <View className="search-line" {...roleProps('search')}>
        <Text className="ballot-field-label">{m.searchLabel}</Text>
        <View className="search-line__row">
          <Input
            className="search-line__input"
            value={text}
            placeholder={m.searchPlaceholder}
            maxlength={20}
            confirmType="search"
            ariaLabel={m.searchLabel}
            nativeProps={{ 'aria-label': m.searchLabel, autocomplete: 'off', autocapitalize: 'characters' }}
            onInput={(e) => setText(e.detail.value)}
            onConfirm={submit}
            data-testid="ballot-receipt-search"
          />
          <Button className="search-line__button" type="primary" onClick={submit} data-testid="ballot-receipt-search-button">
            {m.search}
          </Button>
        </View>
      </View>
      <View {...roleProps('status')} aria-live="polite">
        {search.kind === 'found' ? (
          <Notice tone="success" title={m.found} testId="ballot-receipt-found">
            <Text>{`${search.code}　${m.foundChoice(search.labels)}`}</Text>
          </Notice>
        ) : null}
        {search.kind === 'missing' ? <Notice tone="warning" title={m.notFound(search.code)} testId="ballot-receipt-missing-code" /> : null}
        {search.kind === 'invalid' ? <Notice tone="warning" title={m.searchInvalid} testId="ballot-receipt-invalid" /> : null}
      </View>

      <Text className="ballot-para ballot-strong">{m.receiptsCount(list.receipts.length)}</Text>
      <View className="ballot-receipt-rows" {...roleProps('list')}>
        {rows.map((r) => {
          const mine = r.code === highlighted;
          return (
            <View key={r.code} className={`ballot-receipt-row${mine ? ' ballot-receipt-row--mine' : ''}`} {...roleProps('listitem')} data-testid={mine ? 'ballot-receipt-row-mine' : undefined}>
              <Text className="ballot-receipt-row__code">{r.code}</Text>
              <Text className="ballot-receipt-row__choice">{m.receiptChoice(choiceLabels(choices, r.choices))}</Text>
              {mine ? <Text className="ballot-receipt-row__mine">{m.mineTag}</Text> : null}
            </View>
          );
        })}
      </View>
      {list.receipts.length > shown ? (
        <Button className="big-button ballot-gap" type="default" fill="outline" block onClick={() => setShown((n) => n + PAGE)} data-testid="ballot-receipts-more">
          {m.showMore(Math.min(PAGE, list.receipts.length - shown))}
        </Button>
      ) : null}

      <View className="section" data-testid="ballot-recount">
        <Text className="ballot-subtitle">{m.sumsTitle}</Text>
        <Text className="ballot-para">{m.sumsOnline(sumLine(choices, list.onlineCounts))}</Text>
        <Text className="ballot-para">{m.sumsPaper(sumLine(choices, list.paperCounts))}</Text>
        <Text className={`ballot-para${check.matches ? '' : ' ballot-warning'}`}>
          {check.matches ? m.sumsTotal(sumLine(choices, check.sums)) : m.sumsMismatch(sumLine(choices, check.sums))}
        </Text>
      </View>
    </View>
  );
}
