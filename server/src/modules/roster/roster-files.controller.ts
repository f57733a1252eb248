import { Controller, Get, HttpCode, HttpStatus, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ROSTER_IMPORT_MAX_BYTES, type RosterImportReport } from '@village/shared';
import { COMMITTEE_ROLES, Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { RosterImportQueryDto, RosterImportReportDto } from './dto/import.dto';
import { RosterExportService, type RosterFileDownload } from './roster-export.service';
import { RosterImportService } from './roster-import.service';
import { ROSTER_OVERSIGHT_ROLES } from './roster-scope';
import { RosterUploadErrors, type UploadedRosterFile } from './roster-upload.interceptor';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function download(file: RosterFileDownload): StreamableFile {
  return new StreamableFile(file.buffer, {
    type: XLSX,
    length: file.buffer.length,
    disposition: `attachment; filename="${file.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}

@ApiTags('roster 户籍')
@ApiBearerAuth()
@Controller('roster')
export class RosterFilesController {
  constructor(
    private readonly imports: RosterImportService,
    private readonly exports: RosterExportService,
  ) {}

  @Post('imports')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(RosterUploadErrors, FileInterceptor('file', { limits: { fileSize: ROSTER_IMPORT_MAX_BYTES, files: 1, fields: 4 } }))
  @ApiOperation({
    summary: '导入花名册（.xlsx 或 .csv）',
    description:
      '先用 mode=dry-run 预览：列出每一行新增还是更新，以及每一处错误（第几行、哪一列），什么都不写入。' +
      'mode=commit 重新检查后一次性全部写入；有任何错误则整个文件都不导入（400，details 里是同样的预览）。' +
      '文件类型按内容判断（.xlsx，或 UTF-8/GBK 编码的 CSV），最大 2 MB。每个新增或更新的户、村民各记一条审计，另加一条导入汇总。',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: RosterImportReportDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '没有文件、文件无法读取，或（commit 时）有错误的行' })
  @ApiPayloadTooLargeResponse({ type: ApiErrorDto })
  importRoster(
    @CurrentVillageActor() actor: VillageActor,
    @Query() query: RosterImportQueryDto,
    @UploadedFile() file: UploadedRosterFile | undefined,
  ): Promise<RosterImportReport> {
    return this.imports.run(actor, file?.buffer, query.mode);
  }

  @Get('export.xlsx')
  @Roles(...ROSTER_OVERSIGHT_ROLES)
  @ApiOperation({
    summary: '导出花名册（.xlsx）',
    description: '列与导入模板相同，可以改好后重新导入。身份证号、手机号已打码（表格里写明）。导出记入审计。',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportRoster(@CurrentVillageActor() actor: VillageActor): Promise<StreamableFile> {
    return download(await this.exports.export(actor));
  }

  @Get('import-template.xlsx')
  @Roles(...COMMITTEE_ROLES)
  @ApiOperation({ summary: '下载花名册导入模板（.xlsx）', description: '含列名、下拉选项（网格、村民小组、性别、是否）和“填写说明”工作表。' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async template(@CurrentVillageActor() actor: VillageActor): Promise<StreamableFile> {
    return download(await this.exports.template(actor));
  }
}
