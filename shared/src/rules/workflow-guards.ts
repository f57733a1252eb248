import { addDays, daysBetween, isCalendarDay } from './date';
import { judgeMeeting } from './workflow-meeting';
import { EVENT_RULES } from './workflow-events';
import {
  DISCLOSURE_KIND_LABELS,
  DISCLOSURE_STAGES,
  MATTER_STAGE_LABELS,
  MEETING_EVENT_PURPOSE,
  MEETING_EVENTS,
  SEND_BACK_TARGETS,
  SUPPORTED_WORKFLOW_VERSIONS,
  WORKFLOW_EVENT_LABELS,
  WORKFLOW_VERSION,
  isClosedStage,
  stageIndex,
  type DisclosureKind,
  type DisclosureState,
  type MatterState,
  type MeetingEventType,
  type OpinionState,
  type UnmetCondition,
  type WorkflowContext,
  type WorkflowEvent,
  type WorkflowEventType,
  type WorkflowPolicy,
} from './workflow-model';
import { dayLabel, fenLabel, isFen, roleList } from './workflow-text';

/*
 * Named guards. Each returns the conditions it finds unmet (empty when satisfied). `event` is null
 * when the UI asks what is possible before the form is filled: guards that need the event's data
 * (the meeting record, an amount, a target stage) then say nothing, and `transition` checks them
 * on submit.
 */

export interface GuardInput {
  matter: MatterState;
  context: WorkflowContext;
  policy: WorkflowPolicy;
  /** null: availability only. */
  event: WorkflowEvent | null;
  type: WorkflowEventType;
}

export type Guard = (input: GuardInput) => UnmetCondition[];

// ---------------------------------------------------------------- gates (always, in this order)

export function guardWorkflowVersion({ matter }: GuardInput): UnmetCondition[] {
  if (SUPPORTED_WORKFLOW_VERSIONS.includes(matter.workflowVersion)) return [];
  const newer = matter.workflowVersion > WORKFLOW_VERSION;
  return [
    {
      code: 'workflow_version_unsupported',
      reason: newer
        ? `这件事项按新版流程（第 ${matter.workflowVersion} 版）办理，请更新小程序后再操作`
        : `这件事项按旧版流程（第 ${matter.workflowVersion} 版）办理，系统已不再支持，请联系管理员`,
      details: { matterVersion: matter.workflowVersion, supported: SUPPORTED_WORKFLOW_VERSIONS.join(',') },
    },
  ];
}

export function guardVillage({ matter, context }: GuardInput): UnmetCondition[] {
  return matter.villageId === context.villageId ? [] : [{ code: 'other_village', reason: '这件事项不属于本村' }];
}

export function guardMatterType({ matter, context }: GuardInput): UnmetCondition[] {
  return matter.typeCode === context.matterType.code
    ? []
    : [{ code: 'matter_type_mismatch', reason: '事项类型与本村的类型配置不一致，请刷新后再试', details: { typeCode: matter.typeCode } }];
}

export function guardStage({ matter, type }: GuardInput): UnmetCondition[] {
  const rule = EVENT_RULES[type];
  if (rule.stages.includes(matter.stage)) return [];
  const label = WORKFLOW_EVENT_LABELS[type];
  if (isClosedStage(matter.stage)) {
    const state = matter.stage === 'archived' ? '已归档' : matter.stage === 'rejected' ? '未通过' : '已撤回';
    return [{ code: 'matter_closed', reason: `事项${state}，不能再${label}`, details: { stage: matter.stage } }];
  }
  const where = rule.stages.map((s) => `“${MATTER_STAGE_LABELS[s]}”`).join('、');
  return [
    {
      code: 'event_not_in_stage',
      reason: `事项现在处于“${MATTER_STAGE_LABELS[matter.stage]}”阶段，不能${label}（${where}阶段才可以）`,
      details: { stage: matter.stage },
    },
  ];
}

export function guardRole({ matter, context, type }: GuardInput): UnmetCondition[] {
  const rule = EVENT_RULES[type];
  if (context.actor.roles.some((r) => rule.roles.includes(r))) return [];
  if (rule.responsiblePerson && matter.implementation?.responsibleResidentId === context.actor.residentId) return [];
  const who = `${roleList(rule.roles)}${rule.responsiblePerson ? '或本事项的实施负责人' : ''}`;
  return [{ code: 'role_required', reason: `只有${who}可以${WORKFLOW_EVENT_LABELS[type]}`, details: { roles: rule.roles.join(',') } }];
}

// ---------------------------------------------------------------- supervision

export function activeBlockingOpinions(matter: MatterState): OpinionState[] {
  return matter.opinions.filter((o) => o.blocking && !o.lifted);
}

export function guardNoBlockingOpinion({ matter }: GuardInput): UnmetCondition[] {
  const blocking = activeBlockingOpinions(matter);
  if (blocking.length === 0) return [];
  const answered = blocking.filter((o) => o.answered).length;
  const count = blocking.length > 1 ? `（共 ${blocking.length} 条）` : '';
  const next = answered === blocking.length ? '，委员会已答复，等待监委会解除' : '，请先答复监委会';
  return [
    {
      code: 'blocking_opinion',
      reason: `监委会要求纠正的意见尚未解除${count}${next}`,
      details: { blocking: blocking.length, answered, opinionIds: blocking.map((o) => o.id).join(',') },
    },
  ];
}

function findOpinion(matter: MatterState, id: string): OpinionState | undefined {
  return matter.opinions.find((o) => o.id === id);
}

/** answer_opinion: an opinion not yet answered (this one, or any). */
export function guardOpinionAnswerable({ matter, event }: GuardInput): UnmetCondition[] {
  if (event?.type === 'answer_opinion') {
    const o = findOpinion(matter, event.opinionId);
    return o && !o.answered && !o.lifted ? [] : [{ code: 'opinion_not_open', reason: '这条监督意见不存在或已经答复', details: { opinionId: event.opinionId } }];
  }
  return matter.opinions.some((o) => !o.answered && !o.lifted) ? [] : [{ code: 'opinion_not_open', reason: '没有待答复的监督意见' }];
}

/** lift_opinion: a blocking opinion in force, answered by the committee. */
export function guardOpinionLiftable({ matter, event }: GuardInput): UnmetCondition[] {
  if (event?.type === 'lift_opinion') {
    const o = findOpinion(matter, event.opinionId);
    if (!o || o.lifted) return [{ code: 'opinion_not_open', reason: '这条监督意见不存在或已经解除', details: { opinionId: event.opinionId } }];
    if (!o.blocking) return [{ code: 'opinion_not_blocking', reason: '这条监督意见没有要求纠正，不需要解除', details: { opinionId: o.id } }];
    if (!o.answered) return [{ code: 'opinion_not_answered', reason: '委员会尚未答复这条监督意见，答复后才能解除', details: { opinionId: o.id } }];
    return [];
  }
  const blocking = activeBlockingOpinions(matter);
  if (blocking.length === 0) return [{ code: 'opinion_not_open', reason: '没有需要解除的纠正要求' }];
  if (!blocking.some((o) => o.answered)) return [{ code: 'opinion_not_answered', reason: '委员会尚未答复监委会的纠正要求，答复后才能解除' }];
  return [];
}

/** add_opinion: a closed matter may get remarks, not a demand to correct. */
export function guardOpinionFitsStage({ matter, event }: GuardInput): UnmetCondition[] {
  if (event?.type !== 'add_opinion' || !event.blocking || !isClosedStage(matter.stage)) return [];
  return [{ code: 'matter_closed', reason: '事项已经结束，不能再要求纠正；可以提出一般监督意见', details: { stage: matter.stage } }];
}

export function guardSendBackTarget({ matter, event }: GuardInput): UnmetCondition[] {
  if (event?.type !== 'send_back') return [];
  const unmet: UnmetCondition[] = [];
  const target = event.toStage;
  const known = (SEND_BACK_TARGETS as readonly string[]).includes(target);
  const earlier = known && stageIndex(target) < stageIndex(matter.stage);
  const redisclose = known && target === matter.stage && (DISCLOSURE_STAGES as readonly string[]).includes(target);
  // Re-disclosing needs what the notice shows: the resolution's meeting, or the result report.
  const hasContent =
    target === 'resolution_disclosure' ? matter.meetings.assembly_resolution?.outcome === 'passed' : target === 'result_disclosure' ? Boolean(matter.implementation?.result) : true;
  if ((!earlier && !redisclose) || !hasContent) {
    unmet.push({
      code: 'send_back_target_invalid',
      reason: `只能退回到“${MATTER_STAGE_LABELS[matter.stage]}”之前的会议或公示阶段重新办理（公示阶段也可以重新公示）`,
      details: { toStage: String(target), stage: matter.stage },
    });
  }
  if (event.opinionId && !findOpinion(matter, event.opinionId)) {
    unmet.push({ code: 'opinion_not_open', reason: '退回所依据的监督意见不存在', details: { opinionId: event.opinionId } });
  }
  return unmet;
}

// ---------------------------------------------------------------- meetings and revisions

export function guardMergeAllowed({ context }: GuardInput): UnmetCondition[] {
  return context.secretaryOneShoulder
    ? []
    : [{ code: 'merge_not_allowed', reason: '只有书记、村委会主任“一肩挑”的村，才可以把党组织提议和两委商议合并为一次会议' }];
}

export function guardMeeting({ matter, context, event }: GuardInput): UnmetCondition[] {
  if (!event || !(MEETING_EVENTS as readonly string[]).includes(event.type)) return [];
  const e = event as Extract<WorkflowEvent, { type: MeetingEventType }>;
  return judgeMeeting(matter, MEETING_EVENT_PURPOSE[e.type], e.meeting, context).unmet;
}

export function guardRevisionCurrent({ matter, event }: GuardInput): UnmetCondition[] {
  if (event?.type !== 'amend' && event?.type !== 'repropose') return [];
  if (event.basedOn === matter.currentRevision) return [];
  return [
    {
      code: 'revision_not_current',
      reason: `修改依据的是第 ${event.basedOn} 稿，现行文本已是第 ${matter.currentRevision} 稿，请在第 ${matter.currentRevision} 稿的基础上修改`,
      details: { basedOn: event.basedOn, current: matter.currentRevision },
    },
  ];
}

export function guardReasonGiven({ event }: GuardInput): UnmetCondition[] {
  if (event?.type !== 'withdraw' && event?.type !== 'send_back') return [];
  return event.reason.trim().length > 0 ? [] : [{ code: 'reason_required', reason: event.type === 'withdraw' ? '请写明撤回的理由' : '请写明退回的理由' }];
}

// ---------------------------------------------------------------- disclosures and objections

export function unansweredObjections(matter: MatterState): number {
  return matter.objections.filter((o) => !o.answered).length;
}

/** The window ran its full length, its notice was published, and every objection was answered. */
export function disclosureConditions(matter: MatterState, kind: DisclosureKind, today: string): UnmetCondition[] {
  const d: DisclosureState | null = kind === 'resolution' ? matter.resolutionDisclosure : matter.resultDisclosure;
  const label = DISCLOSURE_KIND_LABELS[kind];
  const unmet: UnmetCondition[] = [];
  if (!d || d.noticeId === null) {
    unmet.push({ code: 'disclosure_notice_missing', reason: `${label}的公告还没有发布`, details: { disclosure: kind } });
  }
  if (d && today <= d.endsOn) {
    const days = daysBetween(d.startsOn, d.endsOn) + 1;
    unmet.push({
      code: 'disclosure_window_open',
      reason: `${label}期到 ${dayLabel(d.endsOn, today)} 才满 ${days} 天`,
      details: { startsOn: d.startsOn, endsOn: d.endsOn, days, earliest: addDays(d.endsOn, 1) },
    });
  }
  const open = unansweredObjections(matter);
  if (open > 0) unmet.push({ code: 'objections_unanswered', reason: `还有 ${open} 条异议没有答复`, details: { unanswered: open } });
  return unmet;
}

export function guardResolutionDisclosed({ matter, context }: GuardInput): UnmetCondition[] {
  return disclosureConditions(matter, 'resolution', context.today);
}

export function guardResultDisclosed({ matter, context }: GuardInput): UnmetCondition[] {
  return disclosureConditions(matter, 'result', context.today);
}

export function guardInDisclosureWindow({ matter, context }: GuardInput): UnmetCondition[] {
  const kind: DisclosureKind = matter.stage === 'result_disclosure' ? 'result' : 'resolution';
  const d = kind === 'resolution' ? matter.resolutionDisclosure : matter.resultDisclosure;
  const label = DISCLOSURE_KIND_LABELS[kind];
  if (d && d.startsOn <= context.today && context.today <= d.endsOn) return [];
  const window = d ? `${label}期为 ${dayLabel(d.startsOn, context.today)}至${dayLabel(d.endsOn, context.today)}，` : '';
  const when = d && context.today < d.startsOn ? '还没有开始' : '已经结束';
  return [
    {
      code: 'not_in_disclosure_window',
      reason: d ? `${window}${when}，现在不能提出异议；有意见可以向村务监督委员会反映` : `${label}还没有发布，现在不能提出异议`,
      details: { startsOn: d?.startsOn ?? null, endsOn: d?.endsOn ?? null },
    },
  ];
}

export function guardObjectionAnswerable({ matter, event }: GuardInput): UnmetCondition[] {
  if (event?.type === 'answer_objection') {
    const o = matter.objections.find((x) => x.id === event.objectionId);
    return o && !o.answered ? [] : [{ code: 'objection_not_open', reason: '这条异议不存在或已经答复', details: { objectionId: event.objectionId } }];
  }
  return unansweredObjections(matter) > 0 ? [] : [{ code: 'objection_not_open', reason: '没有待答复的异议' }];
}

// ---------------------------------------------------------------- implementation

const AMOUNT_REASON = '金额应以“分”为单位填写非负整数';

export function guardPlanValid({ event }: GuardInput): UnmetCondition[] {
  if (event?.type !== 'start_implementation') return [];
  const p = event.plan;
  const problems: string[] = [];
  if (!p.responsibleResidentId) problems.push('请指定实施负责人');
  if (!isCalendarDay(p.plannedStartOn) || !isCalendarDay(p.plannedEndOn)) problems.push('请填写计划开始和完成日期');
  else if (p.plannedEndOn < p.plannedStartOn) problems.push('计划完成日期不能早于开始日期');
  const unmet: UnmetCondition[] = problems.map((reason) => ({ code: 'implementation_plan_invalid', reason }));
  if (p.budgetFen !== null && !isFen(p.budgetFen)) unmet.push({ code: 'amount_invalid', reason: `预算${AMOUNT_REASON}`, details: { budgetFen: p.budgetFen } });
  return unmet;
}

export function guardAmountValid({ event }: GuardInput): UnmetCondition[] {
  if (event?.type === 'report_progress' && !isFen(event.spentFen)) {
    return [{ code: 'amount_invalid', reason: `本次支出${AMOUNT_REASON}`, details: { spentFen: event.spentFen } }];
  }
  if (event?.type === 'report_result' && !isFen(event.totalSpentFen)) {
    return [{ code: 'amount_invalid', reason: `合计支出${AMOUNT_REASON}`, details: { totalSpentFen: event.totalSpentFen } }];
  }
  return [];
}

export function guardResultDate({ matter, context, event }: GuardInput): UnmetCondition[] {
  if (event?.type !== 'report_result') return [];
  const startedOn = matter.implementation?.startedOn ?? '';
  if (!isCalendarDay(event.completedOn)) return [{ code: 'implementation_plan_invalid', reason: '请填写实际完成日期' }];
  if (event.completedOn > context.today) {
    return [{ code: 'implementation_plan_invalid', reason: `完成日期 ${dayLabel(event.completedOn, context.today)} 还没到`, details: { completedOn: event.completedOn } }];
  }
  if (event.completedOn < startedOn) {
    return [{ code: 'implementation_plan_invalid', reason: `完成日期早于开始实施的日期（${dayLabel(startedOn, context.today)}）`, details: { completedOn: event.completedOn } }];
  }
  return [];
}

export function guardResultReported({ matter }: GuardInput): UnmetCondition[] {
  return matter.implementation?.result ? [] : [{ code: 'result_report_missing', reason: '还没有提交实施结果' }];
}

export function guardResultNotSignedOff({ matter }: GuardInput): UnmetCondition[] {
  const result = matter.implementation?.result;
  return result && result.signedOffBy !== null ? [{ code: 'result_already_signed_off', reason: '实施结果已经审核过了' }] : [];
}

/** Money spent makes the result a financial disclosure: the supervisory committee signs it off first. */
export function guardResultSignedOffIfSpent({ matter }: GuardInput): UnmetCondition[] {
  const result = matter.implementation?.result;
  if (!result || result.totalSpentFen === 0 || result.signedOffBy !== null) return [];
  return [
    {
      code: 'result_signoff_missing',
      reason: `实施结果含支出 ${fenLabel(result.totalSpentFen)}，公开前须经村务监督委员会审核`,
      details: { totalSpentFen: result.totalSpentFen },
    },
  ];
}

// ---------------------------------------------------------------- registry

export const GUARDS = {
  noBlockingOpinion: guardNoBlockingOpinion,
  mergeAllowed: guardMergeAllowed,
  meeting: guardMeeting,
  revisionCurrent: guardRevisionCurrent,
  resolutionDisclosed: guardResolutionDisclosed,
  resultDisclosed: guardResultDisclosed,
  inDisclosureWindow: guardInDisclosureWindow,
  objectionAnswerable: guardObjectionAnswerable,
  opinionAnswerable: guardOpinionAnswerable,
  opinionLiftable: guardOpinionLiftable,
  opinionFitsStage: guardOpinionFitsStage,
  sendBackTarget: guardSendBackTarget,
  reasonGiven: guardReasonGiven,
  planValid: guardPlanValid,
  amountValid: guardAmountValid,
  resultDate: guardResultDate,
  resultReported: guardResultReported,
  resultNotSignedOff: guardResultNotSignedOff,
  resultSignedOffIfSpent: guardResultSignedOffIfSpent,
} satisfies Record<string, Guard>;
export type GuardName = keyof typeof GUARDS;

/**
 * The guards each event checks after the gates (version, village, type, stage, role) and, for a
 * blockable event (EVENT_RULES), after `noBlockingOpinion`.
 */
export const EVENT_GUARDS: Record<WorkflowEventType, readonly GuardName[]> = {
  record_branch_meeting: ['meeting'],
  record_merged_meeting: ['mergeAllowed', 'meeting'],
  amend: ['revisionCurrent'],
  record_committees_meeting: ['meeting'],
  record_party_review: ['meeting'],
  record_assembly_resolution: ['meeting'],
  start_implementation: ['resolutionDisclosed', 'planValid'],
  report_progress: ['amountValid'],
  report_result: ['amountValid', 'resultDate'],
  sign_off_result: ['resultReported', 'resultNotSignedOff'],
  publish_result: ['resultReported', 'resultSignedOffIfSpent'],
  archive: ['resultDisclosed'],
  withdraw: ['reasonGiven'],
  repropose: ['revisionCurrent'],
  file_objection: ['inDisclosureWindow'],
  answer_objection: ['objectionAnswerable'],
  add_opinion: ['opinionFitsStage'],
  answer_opinion: ['opinionAnswerable'],
  lift_opinion: ['opinionLiftable'],
  send_back: ['reasonGiven', 'sendBackTarget'],
};

/** Every condition standing in the way of `type` (event null: those knowable before the form is filled). */
export function unmetConditions(input: GuardInput): UnmetCondition[] {
  for (const gate of [guardWorkflowVersion, guardVillage, guardMatterType, guardStage, guardRole]) {
    const unmet = gate(input);
    if (unmet.length > 0) return unmet;
  }
  const names: readonly GuardName[] = EVENT_RULES[input.type].blockable ? ['noBlockingOpinion', ...EVENT_GUARDS[input.type]] : EVENT_GUARDS[input.type];
  return names.flatMap((name) => GUARDS[name](input));
}
