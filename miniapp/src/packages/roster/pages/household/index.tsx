import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { GENDER_LABELS, RESIDENT_STATUS_LABELS, type ApiErrorBody, type HouseholdDetail, type RosterResident } from '@village/shared';
import { useRef, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { relationLabel } from '../../../../constants/relations';
import { routes, withQuery } from '../../../../constants/routes';
import { useMe } from '../../../../hooks/useMe';
import { useRequest } from '../../../../hooks/useRequest';
import { changeRepresentative, getHousehold, moveHousehold } from '../../../../services/api/roster';
import { getCurrentVillage } from '../../../../services/api/villages';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { DepartureForm } from '../../components/DepartureForm';
import { UnbindForm } from '../../components/UnbindForm';
import { dayText } from '../../utils/dates';
import '../../roster.css';
import './index.css';

const m = messages.roster;
const ADULT_AGE = 18;

type Pending = { kind: 'representative'; member: RosterResident } | { kind: 'move'; gridId: string } | null;
/** The form open inside one member's card. */
type MemberFormKind = 'departure' | 'unbind';
type OpenForm = { kind: MemberFormKind; memberId: string } | null;

/**
 * One household (sub-package "roster"): 户号, address, 网格 and 村民小组, 户代表, members (active
 * first, then those who died or moved out). Committee members change the 户代表 and move the
 * household to another 网格, register a member's death or move (登记去世/迁出) and undo a member's
 * WeChat binding (换手机) — each after a confirmation that says what will happen — and open a
 * member's form or binding code.
 */
export default function HouseholdPage() {
  const router = useRouter();
  const householdId = router?.params?.id ?? '';
  const { isCommittee } = useMe();
  const detail = useRequest(() => getHousehold(householdId), [householdId]);
  const village = useRequest(getCurrentVillage);
  const [fresh, setFresh] = useState<HouseholdDetail | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const [moveTo, setMoveTo] = useState<string | null>(null);
  const [form, setForm] = useState<OpenForm>(null);
  const shown = useRef(false);

  useDidShow(() => {
    if (shown.current) {
      setFresh(null);
      detail.reload({ quiet: true });
    }
    shown.current = true;
  });

  const household = fresh ?? (detail.status === 'success' ? detail.data : null);
  const grids = village.status === 'success' ? village.data.grids : [];

  async function confirm(): Promise<void> {
    if (!household || !pending) return;
    setBusy(true);
    setActionError(null);
    const result =
      pending.kind === 'representative'
        ? await changeRepresentative(household.id, { version: household.version, residentId: pending.member.id })
        : await moveHousehold(household.id, { version: household.version, gridId: pending.gridId });
    setBusy(false);
    setPending(null);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    if (!result.ok) {
      setActionError(result.error);
      return;
    }
    setFresh(result.data);
    setMoving(false);
    setMoveTo(null);
    setDone(pending.kind === 'representative' ? m.representativeChanged(pending.member.name) : m.moved(result.data.grid.name));
  }

  function memberDone(message: string): void {
    setForm(null);
    setActionError(null);
    setDone(message);
    setFresh(null);
    detail.reload({ quiet: true });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  }

  if (detail.status === 'loading' && !household) {
    return (
      <PageShell testId="roster-household-page">
        <LoadingState />
      </PageShell>
    );
  }
  if (detail.status === 'error' || !household) {
    return (
      <PageShell testId="roster-household-page">
        {detail.status === 'error' ? <ErrorState error={detail.error} onRetry={() => detail.reload()} /> : null}
      </PageShell>
    );
  }

  const editable = isCommittee && household.status === 'active';
  const active = household.members.filter((r) => r.status === 'active');
  const former = household.members.filter((r) => r.status !== 'active');
  const currentRep = household.representative?.name ?? null;
  const targetGrid = grids.find((g) => g.id === (pending?.kind === 'move' ? pending.gridId : moveTo));

  return (
    <PageShell testId="roster-household-page">
      {done ? (
        <View className="household__notice">
          <Notice tone="success" title={done} testId="household-done" />
        </View>
      ) : null}
      {actionError ? (
        <View className="household__notice">
          <ErrorState
            error={actionError}
            title={m.actionFailed}
            onRetry={() => {
              setActionError(null);
              setFresh(null);
              detail.reload();
            }}
          />
        </View>
      ) : null}

      <View className="roster-card" data-testid="household-summary">
        <Text className="roster-heading" {...roleProps('heading')} aria-level={1}>
          {m.householdTitle(household.number)}
        </Text>
        <Text className="roster-para">{m.address(household.address)}</Text>
        <Text className="roster-para">{m.gridAndGroup(household.grid.name, household.villageGroup.name)}</Text>
        <Text className="roster-para household__rep" data-testid="household-representative">
          {m.representative(currentRep)}
        </Text>
        {household.status !== 'active' ? <Text className="roster-para">{m.dissolved}</Text> : null}
      </View>

      <View className="section">
        <Text className="section__title" {...roleProps('heading')} aria-level={2}>
          {m.membersTitle(active.length)}
        </Text>
        {active.map((member) => (
          <MemberCard
            key={member.id}
            member={member}
            editable={editable}
            onMakeRepresentative={() => setPending({ kind: 'representative', member })}
            form={form?.memberId === member.id ? form.kind : null}
            onOpenForm={(kind) => {
              setDone(null);
              setForm({ kind, memberId: member.id });
            }}
            onFormDone={memberDone}
            onFormCancel={() => setForm(null)}
          />
        ))}
      </View>

      {editable ? (
        <View className="section">
          <Button
            className="big-button"
            type="primary"
            block
            onClick={() => void Taro.navigateTo({ url: withQuery(routes.rosterResident, { householdId: household.id, number: household.number }) })}
            data-testid="household-add-member"
          >
            {m.addMember}
          </Button>
        </View>
      ) : null}

      {editable && grids.length > 1 ? (
        <View className="section" data-testid="household-move">
          {!moving ? (
            <Button className="big-button" type="default" fill="outline" block onClick={() => setMoving(true)} data-testid="household-move-start">
              {m.moveGrid}
            </Button>
          ) : (
            <View className="roster-card">
              <ChoiceGroup label={m.moveTitle}>
                {grids.map((grid) => (
                  <Choice
                    key={grid.id}
                    label={grid.id === household.grid.id ? `${grid.name}${m.moveCurrent}` : grid.name}
                    hint={grid.leaderName ? m.gridLeader(grid.leaderName) : m.gridLeaderMissing}
                    checked={moveTo === grid.id}
                    disabled={grid.id === household.grid.id}
                    onSelect={() => setMoveTo(grid.id)}
                    testId={`move-grid-${grid.name}`}
                  />
                ))}
              </ChoiceGroup>
              <Text className="roster-muted">{m.moveHint}</Text>
              <View className="roster-actions">
                <Button
                  className="big-button"
                  type="primary"
                  disabled={!moveTo}
                  onClick={() => moveTo && setPending({ kind: 'move', gridId: moveTo })}
                  data-testid="household-move-confirm"
                >
                  {m.moveConfirm}
                </Button>
                <Button
                  className="big-button"
                  type="default"
                  fill="outline"
                  onClick={() => {
                    setMoving(false);
                    setMoveTo(null);
                  }}
                >
                  {m.cancel}
                </Button>
              </View>
            </View>
          )}
        </View>
      ) : null}

      {former.length > 0 ? (
        <View className="section">
          <Text className="section__title" {...roleProps('heading')} aria-level={2}>
            {m.formerTitle}
          </Text>
          {former.map((member) => (
            <MemberCard
              key={member.id}
              member={member}
              editable={false}
              onMakeRepresentative={() => undefined}
              form={null}
              onOpenForm={() => undefined}
              onFormDone={() => undefined}
              onFormCancel={() => undefined}
            />
          ))}
        </View>
      ) : null}

      <ConfirmDialog
        open={pending?.kind === 'representative'}
        title={m.representativeConfirmTitle}
        confirmText={m.representativeConfirm}
        cancelText={m.cancel}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
        testId="representative-dialog"
      >
        {pending?.kind === 'representative' ? (
          <View>
            <Text className="household__dialog-strong">{m.representativeConfirmBody(currentRep, pending.member.name)}</Text>
            <Text className="household__dialog-line">{m.representativeConfirmNote(pending.member.name)}</Text>
          </View>
        ) : null}
      </ConfirmDialog>

      <ConfirmDialog
        open={pending?.kind === 'move'}
        title={m.moveConfirmTitle}
        confirmText={m.moveConfirm}
        cancelText={m.cancel}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
        testId="move-dialog"
      >
        {pending?.kind === 'move' && targetGrid ? (
          <View>
            <Text className="household__dialog-strong">{m.moveConfirmBody(household.number, household.grid.name, targetGrid.name)}</Text>
            <Text className="household__dialog-line">{m.moveConfirmNote(targetGrid.leaderName)}</Text>
          </View>
        ) : null}
      </ConfirmDialog>
    </PageShell>
  );
}

function MemberCard({
  member,
  editable,
  onMakeRepresentative,
  form,
  onOpenForm,
  onFormDone,
  onFormCancel,
}: {
  member: RosterResident;
  editable: boolean;
  onMakeRepresentative: () => void;
  form: MemberFormKind | null;
  onOpenForm: (kind: MemberFormKind) => void;
  onFormDone: (message: string) => void;
  onFormCancel: () => void;
}) {
  const isActive = member.status === 'active';
  const adult = member.age >= ADULT_AGE;
  return (
    <View className="member" data-testid={`member-${member.name}`}>
      <View className="member__head">
        <Text className="member__name">{member.name}</Text>
        <Text className="member__meta">
          {relationLabel(member.relationToHead)} · {GENDER_LABELS[member.gender]} · {m.age(member.age)}
        </Text>
      </View>
      <View className="member__tags">
        {member.isRepresentative ? <Text className="tag tag--primary">{m.tagRepresentative}</Text> : null}
        {member.isPartyMember ? <Text className="tag">{m.tagParty}</Text> : null}
        {member.isVillagerRep ? <Text className="tag">{m.tagVillagerRep}</Text> : null}
        {!isActive ? (
          <Text className="tag tag--muted">
            {member.departedOn ? m.departed(RESIDENT_STATUS_LABELS[member.status], dayText(member.departedOn)) : RESIDENT_STATUS_LABELS[member.status]}
          </Text>
        ) : null}
      </View>
      <Text className="roster-muted">{m.phone(member.phoneMasked)}</Text>
      <Text className="roster-muted">{m.idNumber(member.idNumberMasked)}</Text>
      {editable && isActive ? (
        <View className="roster-actions">
          <Button
            type="default"
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: withQuery(routes.rosterResident, { householdId: member.householdId, residentId: member.id }) })}
            data-testid={`member-edit-${member.name}`}
          >
            {m.edit}
          </Button>
          <Button
            type="default"
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: withQuery(routes.rosterBindingCode, { residentId: member.id, name: member.name }) })}
            data-testid={`member-code-${member.name}`}
          >
            {m.issueCode}
          </Button>
          {!member.isRepresentative && adult ? (
            <Button type="primary" onClick={onMakeRepresentative} data-testid={`member-rep-${member.name}`}>
              {m.makeRepresentative}
            </Button>
          ) : null}
          <Button type="default" fill="outline" onClick={() => onOpenForm('departure')} data-testid={`member-depart-${member.name}`}>
            {m.departLink}
          </Button>
          <Button type="default" fill="outline" onClick={() => onOpenForm('unbind')} data-testid={`member-unbind-${member.name}`}>
            {m.unbindLink}
          </Button>
        </View>
      ) : null}
      {editable && isActive && !member.isRepresentative && !adult ? <Text className="roster-muted">{m.notAdult}</Text> : null}
      {editable && isActive && form === 'departure' ? <DepartureForm member={member} onDone={onFormDone} onCancel={onFormCancel} /> : null}
      {editable && isActive && form === 'unbind' ? <UnbindForm member={member} onDone={onFormDone} onCancel={onFormCancel} /> : null}
    </View>
  );
}
