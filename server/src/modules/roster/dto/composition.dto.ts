import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AppointSupervisorRequest,
  CompositionIssue,
  CompositionReport,
  CompositionRule,
  CompositionSeverity,
  EndSupervisorRequest,
  SupervisoryCommitteeMember,
  VillagerAssemblyFigures,
} from '@village/shared';
import { IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate, Trim } from './validators';

export class CompositionIssueDto implements CompositionIssue {
  @ApiProperty({ example: 'assembly.women_share' }) rule: CompositionRule;
  @ApiProperty({ enum: ['warning', 'violation'], description: 'warning 只提示；violation 违反法律规定，新的任命会被拒绝' })
  severity: CompositionSeverity;
  @ApiProperty({ example: '妇女村民代表应占村民代表会议组成人员的三分之一以上，现在是 4/14（29%）。推选代表时请多推选妇女。' })
  message: string;
  @ApiProperty({ example: '《村民委员会组织法》第二十五条' }) basis: string;
  @ApiProperty({ type: [String] }) residentIds: string[];
}

export class VillagerAssemblyFiguresDto implements VillagerAssemblyFigures {
  @ApiProperty({ example: 14, description: '村民代表会议组成人员（村委会成员和村民代表，兼任的算一人）' }) members: number;
  @ApiProperty({ example: 12 }) representatives: number;
  @ApiProperty({ example: 5 }) womenRepresentatives: number;
  @ApiProperty({ example: 85 }) households: number;
}

class VillagerAssemblyDto {
  @ApiProperty({ type: VillagerAssemblyFiguresDto }) figures: VillagerAssemblyFiguresDto;
  @ApiProperty({ type: [CompositionIssueDto], description: '只提示，不阻止' }) issues: CompositionIssueDto[];
}

export class SupervisoryCommitteeMemberDto implements SupervisoryCommitteeMember {
  @ApiProperty() assignmentId: string;
  @ApiProperty() residentId: string;
  @ApiProperty({ example: '王建国' }) name: string;
  @ApiProperty({ example: '0031' }) householdNumber: string;
  @ApiProperty({ type: String, nullable: true, example: '主任' }) title: string | null;
  @ApiProperty({ description: '具备财会、管理知识' }) hasAccountingKnowledge: boolean;
  @ApiProperty({ example: '2024-12-20' }) startedOn: string;
}

class SupervisoryCommitteeDto {
  @ApiProperty({ type: [SupervisoryCommitteeMemberDto] }) members: SupervisoryCommitteeMemberDto[];
  @ApiProperty({ type: [CompositionIssueDto] }) issues: CompositionIssueDto[];
}

export class CompositionReportDto implements CompositionReport {
  @ApiProperty({ example: '2026-11-25' }) checkedOn: string;
  @ApiProperty({ type: VillagerAssemblyDto }) villagerAssembly: VillagerAssemblyDto;
  @ApiProperty({ type: SupervisoryCommitteeDto }) supervisoryCommittee: SupervisoryCommitteeDto;
}

export class AppointSupervisorDto implements AppointSupervisorRequest {
  @ApiProperty({ description: '本村在册的成年村民' })
  @IsUUID(undefined, { message: '请从村民里选择' })
  residentId: string;

  @ApiPropertyOptional({ example: '委员' })
  @IsOptional()
  @Trim()
  @IsString({ message: '职务必须是文字' })
  @Length(1, 32, { message: '职务应为 1–32 个字，例如 主任、委员' })
  title?: string;

  @ApiProperty({ description: '是否具备财会、管理知识（村民委员会组织法第三十二条）' })
  @IsBoolean({ message: '请说明是否具备财会、管理知识（true 或 false）' })
  hasAccountingKnowledge: boolean;

  @ApiPropertyOptional({ example: '2026-11-25', description: '任职开始日期，默认今天' })
  @IsOptional()
  @IsCalendarDate()
  startedOn?: string;
}

export class EndSupervisorDto implements EndSupervisorRequest {
  @ApiProperty({ example: '本人辞职', description: '结束任职的原因' })
  @Trim()
  @IsString({ message: '请填写结束任职的原因' })
  @Length(1, 200, { message: '原因应为 1–200 个字' })
  reason: string;

  @ApiPropertyOptional({ example: '2026-11-25', description: '任职结束日期，默认今天' })
  @IsOptional()
  @IsCalendarDate()
  endedOn?: string;
}
