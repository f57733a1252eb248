import { ApiProperty } from '@nestjs/swagger';
import {
  BALLOT_OUTCOMES,
  BALLOT_PHASES,
  BALLOT_SECRECIES,
  BALLOT_STATUSES,
  CHOICE_KINDS,
  ELECTORATES,
  PARTICIPATION_CHANNELS,
  type BallotChoice,
  type BallotDetail,
  type BallotListItem,
  type BallotOutcome,
  type BallotPermissions,
  type BallotPhase,
  type BallotReasons,
  type BallotReceiptList,
  type BallotResultView,
  type BallotSecrecy,
  type BallotStatus,
  type ChoiceCount,
  type ChoiceKind,
  type DecisionAssessment,
  type DecisionBasis,
  type Electorate,
  type ElectorateEntry,
  type Fraction,
  type MyParticipation,
  type OpenVoteEntry,
  type Page,
  type PaperCountView,
  type ParticipationChannel,
  type ParticipationSummary,
  type QuorumAssessment,
  type QuorumBasis,
  type QuorumCheck,
  type ReceiptCheckResult,
  type RecordAttendanceResult,
  type VoterUnit,
} from '@village/shared';
import { NamedRefDto } from '../../roster/dto/common.dto';
import { DecisionRuleDto } from './ballot.dto';

const UNITS = ['household', 'person'] as const;

export class FractionDto implements Fraction {
  @ApiProperty({ example: 2 }) numerator: number;
  @ApiProperty({ example: 3 }) denominator: number;
}

export class QuorumCheckDto implements QuorumCheck {
  @ApiProperty({ enum: ['adults', 'households', 'members'] }) basis: QuorumBasis;
  @ApiProperty({ enum: UNITS }) unit: VoterUnit;
  @ApiProperty() eligible: number;
  @ApiProperty() participated: number;
  @ApiProperty({ type: FractionDto }) threshold: FractionDto;
  @ApiProperty({ description: 'true：须超过（过半数）；false：达到即可（三分之二以上）' }) strict: boolean;
  @ApiProperty() met: boolean;
  @ApiProperty({ description: '还差多少才够' }) shortfall: number;
  @ApiProperty({ example: '参与 43/85 户（51%），达到三分之二？否，还差 14 户' }) explanation: string;
}

export class QuorumAssessmentDto implements QuorumAssessment {
  @ApiProperty({ description: '民意征询不设参与人数要求（false）' }) required: boolean;
  @ApiProperty() met: boolean;
  @ApiProperty({ type: [QuorumCheckDto], description: '村民会议有两种算法，满足其一即可' }) checks: QuorumCheckDto[];
  @ApiProperty({ example: '村民会议有效：参与 60/85 户（71%），达到三分之二？是' }) explanation: string;
}

export class DecisionAssessmentDto implements DecisionAssessment {
  @ApiProperty({ enum: ['participants', 'members'], description: 'participants：按参与人数算；members：按应参与的全体算' }) basis: DecisionBasis;
  @ApiProperty({ type: FractionDto }) threshold: FractionDto;
  @ApiProperty() strict: boolean;
  @ApiProperty() votesFor: number;
  @ApiProperty() of: number;
  @ApiProperty() needed: number;
  @ApiProperty() met: boolean;
  @ApiProperty({ example: '同意 41/60 户（68%），超过参与户数的半数？是' }) explanation: string;
  @ApiProperty({ nullable: true, example: '《农村土地承包法》第十九条' }) legalBasis: string | null;
}

export class ParticipationSummaryDto implements ParticipationSummary {
  @ApiProperty({ enum: UNITS }) unit: VoterUnit;
  @ApiProperty({ example: '户' }) unitLabel: string;
  @ApiProperty({ example: 85 }) eligible: number;
  @ApiProperty({ example: 41 }) online: number;
  @ApiProperty({ example: 19 }) inPerson: number;
  @ApiProperty({ example: 60 }) total: number;
}

export class MyParticipationDto implements MyParticipation {
  @ApiProperty({ enum: PARTICIPATION_CHANNELS }) channel: ParticipationChannel;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [String], nullable: true, description: '记名投票的线上选项；无记名投票始终为 null' }) choices: string[] | null;
  @ApiProperty({ type: NamedRefDto, nullable: true, description: '户表决：谁替本户投的（可能是之前的户代表）' }) castBy: NamedRefDto | null;
}

export class BallotChoiceDto implements BallotChoice {
  @ApiProperty({ example: 'for' }) key: string;
  @ApiProperty({ example: '同意' }) label: string;
}

export class BallotListItemDto implements BallotListItem {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: BALLOT_STATUSES }) status: BallotStatus;
  @ApiProperty({ enum: BALLOT_PHASES, description: 'upcoming 即将开始，voting 投票中，counting 已截止等待计票' }) phase: BallotPhase;
  @ApiProperty({ enum: ELECTORATES }) electorate: Electorate;
  @ApiProperty({ type: DecisionRuleDto }) rule: DecisionRuleDto;
  @ApiProperty({ example: '村民会议 · 一户一票' }) ruleLabel: string;
  @ApiProperty({ enum: BALLOT_SECRECIES }) secrecy: BallotSecrecy;
  @ApiProperty({ enum: CHOICE_KINDS }) choiceKind: ChoiceKind;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ type: ParticipationSummaryDto, nullable: true }) participation: ParticipationSummaryDto | null;
  @ApiProperty({ description: '我是否在表决名单上并且可以亲自投（户表决须是现任户代表）；草稿为 false' }) eligible: boolean;
  @ApiProperty({ type: MyParticipationDto, nullable: true, description: '我（户表决时为我家）的参与情况' }) myParticipation: MyParticipationDto | null;
  @ApiProperty({ enum: BALLOT_OUTCOMES, nullable: true }) outcome: BallotOutcome | null;
}

export class BallotPageDto implements Page<BallotListItem> {
  @ApiProperty({ type: [BallotListItemDto] }) items: BallotListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class BallotPermissionsDto implements BallotPermissions {
  @ApiProperty() edit: boolean;
  @ApiProperty() open: boolean;
  @ApiProperty() cancel: boolean;
  @ApiProperty() close: boolean;
  @ApiProperty() vote: boolean;
  @ApiProperty() recordAttendance: boolean;
  @ApiProperty() recordPaperCount: boolean;
  @ApiProperty() viewElectorate: boolean;
  @ApiProperty() viewVotes: boolean;
  @ApiProperty() viewReceipts: boolean;
}

export class BallotReasonsDto implements BallotReasons {
  @ApiProperty({ nullable: true, example: '这次表决一户一票，由户代表投票。您家的户代表是郭建平，请由郭建平来投。' }) vote: string | null;
  @ApiProperty({ nullable: true }) open: string | null;
  @ApiProperty({ nullable: true }) close: string | null;
}

export class PaperCountViewDto implements PaperCountView {
  @ApiProperty() papers: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) counts: Record<string, number>;
  @ApiProperty({ type: NamedRefDto }) enteredBy: NamedRefDto;
  @ApiProperty({ format: 'date-time' }) enteredAt: string;
  @ApiProperty({ type: NamedRefDto, nullable: true }) confirmedBy: NamedRefDto | null;
  @ApiProperty({ format: 'date-time', nullable: true }) confirmedAt: string | null;
  @ApiProperty({ example: '已由计票人、监票人共同确认' }) statusLabel: string;
}

export class ChoiceCountDto implements ChoiceCount {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() online: number;
  @ApiProperty() inPerson: number;
  @ApiProperty() total: number;
}

export class BallotResultViewDto implements BallotResultView {
  @ApiProperty() ballotId: string;
  @ApiProperty({ enum: BALLOT_OUTCOMES }) outcome: BallotOutcome;
  @ApiProperty({ example: '通过' }) outcomeLabel: string;
  @ApiProperty({ example: '表决通过：同意 41/60 户（68%），超过参与户数的半数？是' }) explanation: string;
  @ApiProperty({ type: [String] }) lines: string[];
  @ApiProperty({ type: ParticipationSummaryDto }) participation: ParticipationSummaryDto;
  @ApiProperty({ type: QuorumAssessmentDto }) quorum: QuorumAssessmentDto;
  @ApiProperty({ type: DecisionAssessmentDto, nullable: true }) decision: DecisionAssessmentDto | null;
  @ApiProperty({ type: [ChoiceCountDto] }) counts: ChoiceCountDto[];
  @ApiProperty() papers: number;
  @ApiProperty({ type: [String] }) leaders: string[];
  @ApiProperty({ format: 'date-time' }) closedAt: string;
  @ApiProperty({ enum: ['manual', 'scheduled'] }) closeTrigger: 'manual' | 'scheduled';
  @ApiProperty({ type: NamedRefDto, nullable: true }) closedBy: NamedRefDto | null;
  @ApiProperty({ nullable: true, description: '公布结果的村务公开' }) noticeId: string | null;
  @ApiProperty({ nullable: true }) receiptCount: number | null;
}

export class BallotDetailDto extends BallotListItemDto implements BallotDetail {
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, description: '预留：所属议事事项' }) matterId: string | null;
  @ApiProperty({ nullable: true, description: '预留：所属会议' }) meetingId: string | null;
  @ApiProperty({ type: [BallotChoiceDto] }) choices: BallotChoiceDto[];
  @ApiProperty() maxSelections: number;
  @ApiProperty({ type: NamedRefDto, nullable: true, description: '计票人' }) teller: NamedRefDto | null;
  @ApiProperty({ type: NamedRefDto, nullable: true, description: '监票人' }) scrutineer: NamedRefDto | null;
  @ApiProperty({ type: NamedRefDto }) createdBy: NamedRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true }) openedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, description: '表决名单确定的时间（即发布时间）' }) rosterFrozenAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({ nullable: true }) cancelReason: string | null;
  @ApiProperty({ format: 'date-time', description: '服务器时间：倒计时用 closesAt − serverNow' }) serverNow: string;
  @ApiProperty({ type: QuorumAssessmentDto, nullable: true, description: '目前的参与情况是否够法定人数' }) quorum: QuorumAssessmentDto | null;
  @ApiProperty({ nullable: true, example: '0012 户（郭建平家）' }) myVoterLabel: string | null;
  @ApiProperty({ type: PaperCountViewDto, nullable: true }) paperCount: PaperCountViewDto | null;
  @ApiProperty({ type: BallotPermissionsDto }) can: BallotPermissionsDto;
  @ApiProperty({ type: BallotReasonsDto }) reasons: BallotReasonsDto;
  @ApiProperty({ type: BallotResultViewDto, nullable: true }) result: BallotResultViewDto | null;
  @ApiProperty({ example: '【表决】村道硬化工程筹资筹劳方案（还剩 3 天）' }) shareTitle: string;
  @ApiProperty() version: number;
}

export class ElectorateParticipationDto {
  @ApiProperty({ enum: PARTICIPATION_CHANNELS }) channel: ParticipationChannel;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: NamedRefDto, nullable: true, description: '现场参加：登记的计票人或监票人' }) recordedBy: NamedRefDto | null;
}

export class ElectorateEntryDto implements ElectorateEntry {
  @ApiProperty({ description: '户表决为户的编号，其他为村民编号' }) voterKey: string;
  @ApiProperty({ example: '0012 户（郭建平家）' }) label: string;
  @ApiProperty({ example: '0012' }) householdNumber: string;
  @ApiProperty({ type: ElectorateParticipationDto, nullable: true }) participation: ElectorateParticipationDto | null;
}

export class ElectoratePageDto implements Page<ElectorateEntry> {
  @ApiProperty({ type: [ElectorateEntryDto] }) items: ElectorateEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class RecordAttendanceResultDto implements RecordAttendanceResult {
  @ApiProperty() recorded: number;
  @ApiProperty({ type: ParticipationSummaryDto }) participation: ParticipationSummaryDto;
}

export class OpenVoteEntryDto implements OpenVoteEntry {
  @ApiProperty() voterKey: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: [String] }) choices: string[];
  @ApiProperty({ type: NamedRefDto }) castBy: NamedRefDto;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class OpenVotePageDto implements Page<OpenVoteEntry> {
  @ApiProperty({ type: [OpenVoteEntryDto] }) items: OpenVoteEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ReceiptEntryDto {
  @ApiProperty({ example: 'K7QX-3MZP-9DTA' }) code: string;
  @ApiProperty({ type: [String] }) choices: string[];
}

export class BallotReceiptListDto implements BallotReceiptList {
  @ApiProperty() ballotId: string;
  @ApiProperty({ type: [ReceiptEntryDto], description: '按回执码排序的全部线上回执' }) receipts: ReceiptEntryDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) onlineCounts: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) paperCounts: Record<string, number>;
}

export class ReceiptCheckResultDto implements ReceiptCheckResult {
  @ApiProperty() ballotId: string;
  @ApiProperty({ example: 'K7QX-3MZP-9DTA' }) receiptCode: string;
  @ApiProperty({ enum: [true] }) counted: true;
  @ApiProperty({ type: [String], nullable: true, description: '表决结束后才显示' }) choices: string[] | null;
  @ApiProperty() message: string;
}
