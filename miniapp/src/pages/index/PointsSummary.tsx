import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { formatPoints, type Role } from '@village/shared';
import { useRef } from 'react';
import { LinkRow } from '../../components/LinkRow';
import { messages } from '../../constants/messages';
import { routes } from '../../constants/routes';
import { useRequest } from '../../hooks/useRequest';
import { getMyPoints } from '../../services/points';
import { villageRankText } from '../points/standing';
import { homePointsWork, useReviewCount } from '../points/work';

const m = messages.points;

/**
 * 首页's points lines, after 待我办 (UX.md: a villager's first screen ends with the household's
 * points): "本户积分 23.4 分" with this quarter's stars and the village rank, opening the 积分 tab;
 * then one entry per points role (记积分, 待评议 N 条, 季度公示, 积分细则, 扫码交付). Nothing is
 * shown for the household when its points could not be loaded; the tab says why.
 */
export function PointsSummary({ roles, hasHousehold }: { roles: readonly Role[]; hasHousehold: boolean }) {
  const work = homePointsWork(roles, useReviewCount(roles));
  if (!hasHousehold && work.length === 0) return null;
  return (
    <View className="section" data-testid="home-points">
      {hasHousehold ? <HouseholdLine /> : null}
      {work.map((row) => (
        <LinkRow key={row.key} title={row.title} hint={row.hint} url={row.url} testId={`home-points-${row.key}`} />
      ))}
    </View>
  );
}

function HouseholdLine() {
  const mine = useRequest(() => getMyPoints({ quiet: true }), []);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) mine.reload({ quiet: true });
    shown.current = true;
  });
  if (mine.status !== 'success') return null;
  const p = mine.data;
  const current = p.quarters[p.quarters.length - 1];
  return (
    <LinkRow
      title={m.balanceLine(formatPoints(p.balanceTenths))}
      hint={m.homeBalanceHint(m.stars(current?.stars ?? 0), villageRankText(p))}
      url={routes.points}
      testId="home-points-balance"
    />
  );
}
