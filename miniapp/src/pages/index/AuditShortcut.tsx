import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { LinkRow } from '../../components/LinkRow';
import { messages } from '../../constants/messages';
import { routes } from '../../constants/routes';
import { useMe } from '../../hooks/useMe';
import { readLastVerification, type LastVerification } from '../../services/api/audit';

/**
 * 首页 for 监委会成员 (UX.md: the supervisory committee's first screen shows the audit chain's last
 * verification): one row to 审计记录, with the last result checked on this phone in words.
 */
export function AuditShortcut() {
  const { roles } = useMe();
  const [last, setLast] = useState<LastVerification | null>(() => readLastVerification());
  useDidShow(() => setLast(readLastVerification()));
  if (!roles.includes('supervisor')) return null;
  const m = messages.audit;
  return (
    <View className="section">
      <LinkRow
        title={m.entryTitle}
        hint={last ? m.homeLastVerified(last.when, last.ok) : m.homeHint}
        url={routes.auditLog}
        testId="home-audit"
      />
    </View>
  );
}
