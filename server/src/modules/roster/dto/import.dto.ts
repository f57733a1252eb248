import { ApiProperty } from '@nestjs/swagger';
import type {
  RosterImportAction,
  RosterImportCounts,
  RosterImportError,
  RosterImportMode,
  RosterImportReport,
  RosterImportRow,
} from '@village/shared';
import { IsIn } from 'class-validator';

const MODES = ['dry-run', 'commit'] as const;
const ACTIONS = ['create', 'update', 'unchanged', 'error'] as const;

export class RosterImportQueryDto {
  @ApiProperty({ enum: MODES, description: 'dry-run 只预览，不写入；commit 全部写入，有任何错误则什么都不写' })
  @IsIn(MODES, { message: '请说明是预览（mode=dry-run）还是导入（mode=commit）' })
  mode: RosterImportMode;
}

export class RosterImportErrorDto implements RosterImportError {
  @ApiProperty({ type: Number, nullable: true, example: 12, description: '表格里的行号（含表头）；整个文件的问题为 null' })
  row: number | null;

  @ApiProperty({ type: String, nullable: true, example: '出生日期' })
  column: string | null;

  @ApiProperty({ example: '第 12 行「出生日期」：不是有效日期（可写成 1968-03-12、1968/3/12 或 19680312）' })
  message: string;
}

export class RosterImportRowDto implements RosterImportRow {
  @ApiProperty({ example: 3 }) row: number;
  @ApiProperty({ example: '0012' }) householdNumber: string;
  @ApiProperty({ example: '郭建平' }) name: string;
  @ApiProperty({ enum: ACTIONS }) action: RosterImportAction | 'error';
  @ApiProperty({ enum: ACTIONS }) householdAction: RosterImportAction | 'error';
  @ApiProperty({ type: [String], example: ['手机号', '是否党员'], description: '更新了哪些列（不含号码本身）' }) changes: string[];
}

export class RosterImportCountsDto implements RosterImportCounts {
  @ApiProperty() create: number;
  @ApiProperty() update: number;
  @ApiProperty() unchanged: number;
}

export class RosterImportReportDto implements RosterImportReport {
  @ApiProperty({ enum: MODES }) mode: RosterImportMode;
  @ApiProperty({ description: '只有 commit 成功写入后才为 true' }) committed: boolean;
  @ApiProperty({ enum: ['xlsx', 'csv'] }) fileKind: 'xlsx' | 'csv';
  @ApiProperty({ type: String, nullable: true, example: '花名册' }) sheetName: string | null;
  @ApiProperty({ example: 256 }) dataRows: number;
  @ApiProperty({ type: RosterImportCountsDto }) households: RosterImportCountsDto;
  @ApiProperty({ type: RosterImportCountsDto }) residents: RosterImportCountsDto;
  @ApiProperty({ description: '要更换户代表的户数' }) representativeChanges: number;
  @ApiProperty({ type: [RosterImportRowDto] }) rows: RosterImportRowDto[];
  @ApiProperty({ type: [RosterImportErrorDto], description: '每一处错误；有任何错误时不能导入' }) errors: RosterImportErrorDto[];
  @ApiProperty({ type: [String], description: '没有认出、已忽略的列' }) ignoredColumns: string[];
}
