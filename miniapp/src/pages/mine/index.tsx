import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import type { Me } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../components/a11y';
import { CareModeSwitch } from '../../components/CareModeSwitch';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorState } from '../../components/ErrorState';
import { LinkRow } from '../../components/LinkRow';
import { LoadingState } from '../../components/LoadingState';
import { Notice } from '../../components/Notice';
import { Button } from '../../components/nutui';
import { PageShell } from '../../components/PageShell';
import { messages } from '../../constants/messages';
import { relationLabel } from '../../constants/relations';
import { canOverseeRoster, canReadRoster, roleLabels } from '../../constants/roles';
import { routes } from '../../constants/routes';
import { canReadAudit } from '../../services/api/audit';
import { canComposeNotices, canSignoffNotices } from '../../services/api/notices';
import { useMe } from '../../hooks/useMe';
import { takeFlash, type Flash } from '../../services/flash';
import './index.css';

const m = messages.mine;

/**
 * The 户籍名册 pages from 我的: committee members (书记, 村委会委员, 村党组织委员) get all of them;
 * 监委会 reads the roster and its composition; 网格员 read their own grids' households.
 */
interface RosterLink {
  title: string;
  hint: string;
  url: string;
  testId: string;
}

function rosterLinks(roles: Me['roles'], committee: boolean): RosterLink[] {
  const links: RosterLink[] = [
    { title: m.rosterLink, hint: committee ? m.rosterHint : m.rosterReadHint, url: routes.rosterHouseholds, testId: 'mine-roster' },
    { title: m.gridsLink, hint: m.gridsHint, url: routes.rosterGrids, testId: 'mine-grids' },
  ];
  if (committee) links.push({ title: m.importLink, hint: m.importHint, url: routes.rosterImport, testId: 'mine-import' });
  if (canOverseeRoster(roles)) {
    links.push({ title: m.compositionLink, hint: m.compositionHint, url: routes.rosterComposition, testId: 'mine-composition' });
    links.push({ title: m.correctionsLink, hint: m.correctionsHint, url: routes.rosterCorrections, testId: 'mine-corrections' });
  }
  return canReadRoster(roles) ? links : [];
}

/** 村务公开 work from 我的: the committee writes and answers; supervisors sign off and watch the answers. */
function noticeLinks(roles: Me['roles']): RosterLink[] {
  const n = messages.notices;
  const links: RosterLink[] = [];
  if (canComposeNotices(roles)) links.push({ title: n.mineCompose, hint: n.mineComposeHint, url: routes.noticeCompose, testId: 'mine-notice-compose' });
  if (canSignoffNotices(roles)) links.push({ title: n.mineSignoff, hint: n.mineSignoffHint, url: routes.noticeSignoff, testId: 'mine-notice-signoff' });
  links.push({
    title: n.mineQueries,
    hint: canComposeNotices(roles) ? n.mineQueriesHint : n.mineQueriesSupervisorHint,
    url: routes.noticeQueries,
    testId: 'mine-notice-queries',
  });
  return links;
}

/**
 * 我的: who I am in the village — name, village, my household (户号, address, grid and 网格员,
 * 户代表, members), my roles, my masked phone and ID — the 长辈版 switch, the privacy notice and
 * 退出登录. Signed out it offers 登录; not yet bound it offers the binding code; committee members
 * also get the way to the 户籍名册 pages.
 */
export default function MinePage() {
  const { state, me, roles, isCommittee, refresh, signOut } = useMe();
  const links = rosterLinks(roles, isCommittee);
  const [flash, setFlashState] = useState<Flash | null>(() => takeFlash());
  const [confirmingLogout, setConfirmingLogout] = useState(false);
  const [loggingOut, setLoggingOut] = useState(false);

  useDidShow(() => {
    const next = takeFlash();
    if (next) setFlashState(next);
    if (state.status === 'ready') void refresh({ quiet: true });
  });
  useDidHide(() => setFlashState(null));

  async function logout(): Promise<void> {
    setLoggingOut(true);
    await signOut();
    setLoggingOut(false);
    setConfirmingLogout(false);
    setFlashState(null);
  }

  return (
    <PageShell testId="mine-page">
      {flash ? (
        <View className="mine-flash">
          <Notice tone="success" title={flash.title} testId="mine-flash">
            {flash.lines.map((line) => (
              <Text key={line}>{line}</Text>
            ))}
          </Notice>
        </View>
      ) : null}

      {state.status === 'signedOut' ? <SignedOut expired={state.endedBecause === 'expired'} /> : null}
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} title={m.loadFailedTitle} onRetry={() => void refresh()} /> : null}
      {me ? <SignedIn me={me} /> : null}

      {me && links.length > 0 ? (
        <View className="section" data-testid="mine-committee">
          <Text className="section__title" {...roleProps('heading')} aria-level={2}>
            {isCommittee ? m.committeeTitle : m.rosterReadTitle}
          </Text>
          {links.map((link) => (
            <View className="mine-link" key={link.url}>
              <LinkRow title={link.title} hint={link.hint} url={link.url} testId={link.testId} />
            </View>
          ))}
        </View>
      ) : null}

      {me?.resident && (canComposeNotices(roles) || canSignoffNotices(roles)) ? (
        <View className="section" data-testid="mine-notices">
          <Text className="section__title" {...roleProps('heading')} aria-level={2}>
            {messages.notices.mineTitle}
          </Text>
          {noticeLinks(roles).map((link) => (
            <View className="mine-link" key={link.testId}>
              <LinkRow title={link.title} hint={link.hint} url={link.url} testId={link.testId} />
            </View>
          ))}
        </View>
      ) : null}

      {me && canReadAudit(roles) ? (
        <View className="section">
          <LinkRow title={messages.audit.entryTitle} hint={messages.audit.entryHint} url={routes.auditLog} testId="mine-audit" />
        </View>
      ) : null}

      <View className="section">
        <CareModeSwitch />
      </View>
      <View className="section">
        <LinkRow title={m.displaySettings} hint={m.displaySettingsHint} url={routes.displaySettings} testId="mine-display-settings" />
      </View>
      <View className="section">
        <LinkRow title={m.privacyLink} hint={m.privacyLinkHint} url={routes.privacy} testId="mine-privacy" />
      </View>

      {state.status !== 'signedOut' ? (
        <View className="section">
          <Button
            className="big-button mine-logout"
            type="default"
            fill="outline"
            block
            onClick={() => setConfirmingLogout(true)}
            data-testid="mine-logout"
          >
            {m.logout}
          </Button>
        </View>
      ) : null}

      <ConfirmDialog
        open={confirmingLogout}
        title={m.logoutConfirmTitle}
        confirmText={m.logoutConfirm}
        cancelText={m.logoutCancel}
        danger
        busy={loggingOut}
        onConfirm={() => void logout()}
        onCancel={() => setConfirmingLogout(false)}
        testId="logout-dialog"
      >
        <Text>{m.logoutConfirmBody}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}

function SignedOut({ expired }: { expired: boolean }) {
  return (
    <View className="mine-card" data-testid="mine-signed-out">
      <Text className="mine-hero">{m.heading}</Text>
      <Text className="mine-line">{expired ? m.sessionExpired : m.notLoggedIn}</Text>
      <Text className="mine-muted">{m.notLoggedInHint}</Text>
      <Button
        className="big-button mine-card__action"
        type="primary"
        block
        onClick={() => void Taro.navigateTo({ url: routes.login })}
        data-testid="mine-login"
      >
        {m.login}
      </Button>
    </View>
  );
}

function SignedIn({ me }: { me: Me }) {
  if (me.account.privacyConsentRequired) {
    return (
      <View className="mine-card" data-testid="mine-privacy-required">
        <Text className="section__title">{m.privacyRequiredTitle}</Text>
        <Text className="mine-line">{m.privacyRequiredHint}</Text>
        <Button
          className="big-button mine-card__action"
          type="primary"
          block
          onClick={() => void Taro.navigateTo({ url: routes.privacy })}
        >
          {m.privacyRequiredAction}
        </Button>
      </View>
    );
  }
  if (!me.resident && me.township) {
    const { township } = me;
    return (
      <View className="mine-card" data-testid="mine-township">
        <Text className="mine-hero">{township.staffName}</Text>
        <Text className="mine-line">{m.townshipLine(township.county, township.name, township.staffTitle)}</Text>
        <RoleTags roles={me.roles} />
      </View>
    );
  }
  if (!me.resident) {
    return (
      <View className="mine-card" data-testid="mine-not-bound">
        <Text className="section__title">{m.notBoundTitle}</Text>
        <Text className="mine-line">{m.notBoundHint}</Text>
        <Button
          className="big-button mine-card__action"
          type="primary"
          block
          onClick={() => void Taro.navigateTo({ url: routes.bind })}
          data-testid="mine-bind"
        >
          {m.bindNow}
        </Button>
      </View>
    );
  }
  const { resident, household, village } = me;
  return (
    <View data-testid="mine-profile">
      <View className="mine-card">
        <Text className="mine-hero" data-testid="mine-name">
          {resident.name}
        </Text>
        {village ? (
          <Text className="mine-line" data-testid="mine-village">
            {m.village(village.name)}
          </Text>
        ) : null}
        <RoleTags roles={me.roles} />
      </View>

      {household ? (
        <View className="section mine-card" data-testid="mine-household">
          <Text className="section__title" {...roleProps('heading')} aria-level={2}>
            {m.myHousehold}
          </Text>
          <Text className="mine-line mine-strong">{m.householdNumber(household.number)}</Text>
          <Text className="mine-line">{m.address(household.address)}</Text>
          <Text className="mine-line">{m.grid(household.gridName, household.gridLeaderName)}</Text>
          <Text className="mine-line">{m.representative(household.representativeName)}</Text>
          <Text className="mine-muted">{household.isRepresentative ? m.youAreRepresentative : m.representativeHint}</Text>

          <Text className="mine-subtitle">{m.members(household.members.length)}</Text>
          <View className="mine-members" data-testid="mine-members">
            {household.members.map((member) => (
              <View className="mine-member" key={member.id}>
                <View className="mine-member__main">
                  <Text className="mine-member__name">{member.name}</Text>
                  <Text className="mine-member__relation">{relationLabel(member.relationToHead)}</Text>
                </View>
                <View className="mine-member__tags">
                  {member.isRepresentative ? <Text className="tag tag--primary">{m.representativeTag}</Text> : null}
                  {member.id === resident.id ? <Text className="tag">{m.meTag}</Text> : null}
                </View>
              </View>
            ))}
          </View>
        </View>
      ) : null}

      <View className="section mine-card" data-testid="mine-info">
        <Text className="section__title" {...roleProps('heading')} aria-level={2}>
          {m.myInfo}
        </Text>
        <InfoRow label={m.genderLabel} value={m.gender[resident.gender] ?? ''} />
        <InfoRow label={m.birthDate} value={m.birthDateValue(resident.birthDate)} />
        <InfoRow label={m.phone} value={resident.phoneMasked ?? m.notRecorded} testId="mine-phone" />
        <InfoRow label={m.idNumber} value={resident.idNumberMasked ?? m.notRecorded} testId="mine-id-number" />
        <Text className="mine-muted">{m.maskedNote}</Text>
        <Text className="mine-muted">{m.correctionHint}</Text>
        <View className="mine-link">
          <LinkRow title={m.correctionLink} hint={m.correctionLinkHint} url={routes.correction} testId="mine-correction" />
        </View>
      </View>
    </View>
  );
}

function RoleTags({ roles }: { roles: Me['roles'] }) {
  const labels = roleLabels(roles);
  if (labels.length === 0) return null;
  return (
    <View className="mine-roles" data-testid="mine-roles">
      <Text className="mine-label">{m.myRoles}</Text>
      <View className="mine-tags">
        {labels.map((label) => (
          <Text className="tag" key={label}>
            {label}
          </Text>
        ))}
      </View>
    </View>
  );
}

function InfoRow({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className="mine-info-row" data-testid={testId}>
      <Text className="mine-info-row__label">{label}</Text>
      <Text className="mine-info-row__value">{value}</Text>
    </View>
  );
}
