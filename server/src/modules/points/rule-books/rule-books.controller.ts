import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { COMMITTEE_ROLES, type PointsSettings, type RuleBookDetail, type RuleBookList } from '@village/shared';
import { Roles } from '../../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../../common/auth/actor';
import { ApiErrorDto } from '../../../common/errors/api-error.dto';
import { IdParam } from '../../../common/http/id-param.pipe';
import { contentDisposition } from '../../notices/content-disposition';
import type { UploadedPhotoFile } from '../../notices/domain/uploaded-photo';
import { PointsErrorCode, PointsException } from '../points.exception';
import { ImportRuleBookDto, PointsSettingsDto, ProposeRuleBookDto, RuleBookDto } from './dto/rule-book.dto';
import { PointsSettingsService } from './points-settings.service';
import { RULE_BOOK_FILE_MAX_BYTES, XLSX_CONTENT_TYPE } from './rule-book-workbook';
import { RuleBooksService } from './rule-books.service';

const INVALID = 'POINTS_INVALID：积分细则有要改的地方；details.problems 逐条列出（第几条/第几行、编号、原因），什么都没有写入';
const NOT_DRAFT = 'POINTS_REFUSED：只有草稿能改、能提请；POINTS_VERSION_CONFLICT：别人先改过。什么都没有写入';

@ApiTags('points 村民积分制')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这本积分细则（草稿和未通过的只有两委、监委会能看到）' })
@Controller('points/rule-books')
export class RuleBooksController {
  constructor(private readonly books: RuleBooksService) {}

  @Get()
  @Roles('villager')
  @ApiOperation({ summary: '积分细则各版本', description: 'effective 是正在执行的版本（村民会议通过后才生效；没有时不能记积分）。村民看到正在执行、待表决和已替代的版本；两委、监委会还能看到草稿和未通过的。' })
  @ApiOkResponse({ description: 'RuleBookList' })
  list(@CurrentVillageActor() actor: VillageActor): Promise<RuleBookList> {
    return this.books.list(actor);
  }

  @Post()
  @Roles(...COMMITTEE_ROLES)
  @ApiOperation({ summary: '新建积分细则草稿（两委）', description: '写好全部条目（title、items），或 copyFrom 复制一个版本的全部条目开始写新版本。草稿不生效，要提请村民会议通过。记入审计。' })
  @ApiCreatedResponse({ description: 'RuleBookDetail' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: INVALID })
  create(@CurrentVillageActor() actor: VillageActor, @Body() body: RuleBookDto): Promise<RuleBookDetail> {
    return this.books.create(actor, body);
  }

  @Post('import')
  @Roles(...COMMITTEE_ROLES)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: RULE_BOOK_FILE_MAX_BYTES, files: 1, fields: 4 } }))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: '从 Excel 导入积分细则（两委）',
    description: '.xlsx，第一张表，列名：编号、类别、内容、分值、需要证明（是/否），列的顺序可以调换；分值如 0.4、3、-5。导入为一本新草稿。任何一行有错都不导入，并列出每一处（第几行）。',
  })
  @ApiCreatedResponse({ description: 'RuleBookDetail' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: INVALID })
  import(@CurrentVillageActor() actor: VillageActor, @UploadedFile() file: UploadedPhotoFile | undefined, @Body() body: ImportRuleBookDto): Promise<RuleBookDetail> {
    if (!file) throw new PointsException(PointsErrorCode.FileMissing, '请选择积分细则的 Excel 文件（.xlsx）上传，表单字段名为 file');
    return this.books.import(actor, file.buffer, body.title);
  }

  @Get(':ruleBookId')
  @Roles('villager')
  @ApiOperation({ summary: '一本积分细则', description: '按类别列出全部条目（negative 为负面清单）；canEdit：两委可以改的草稿。' })
  @ApiOkResponse({ description: 'RuleBookDetail' })
  detail(@CurrentVillageActor() actor: VillageActor, @Param('ruleBookId', IdParam) id: string): Promise<RuleBookDetail> {
    return this.books.detail(actor, id);
  }

  @Get(':ruleBookId/export')
  @Roles('villager')
  @ApiOperation({ summary: '导出积分细则（.xlsx）', description: '列与导入相同（编号、类别、内容、分值、需要证明），改好后可以再导入为新草稿。' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async export(@CurrentVillageActor() actor: VillageActor, @Param('ruleBookId', IdParam) id: string): Promise<StreamableFile> {
    const file = await this.books.export(actor, id);
    return new StreamableFile(file.buffer, { type: XLSX_CONTENT_TYPE, length: file.buffer.length, disposition: contentDisposition('attachment', file.fileName) });
  }

  @Put(':ruleBookId')
  @Roles(...COMMITTEE_ROLES)
  @ApiOperation({ summary: '修改积分细则草稿（两委）', description: '名称和全部条目整体替换；须带读取时的 version。只有草稿能改。记入审计。' })
  @ApiOkResponse({ description: 'RuleBookDetail' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: INVALID })
  @ApiConflictResponse({ type: ApiErrorDto, description: NOT_DRAFT })
  update(@CurrentVillageActor() actor: VillageActor, @Param('ruleBookId', IdParam) id: string, @Body() body: RuleBookDto): Promise<RuleBookDetail> {
    return this.books.update(actor, id, body);
  }

  @Post(':ruleBookId/propose')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '提请村民会议通过（两委）',
    description: '同时提出一件“村规民约”事项（四议两公开，由村民会议决定），全部条目附在事项内容后面；积分细则改为“待村民（代表）会议通过”，不能再改。决议通过（进入决议公示）时生效，原来的版本被替代；事项被否决或撤回时为“未通过”。',
  })
  @ApiOkResponse({ description: 'RuleBookDetail' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: INVALID })
  @ApiConflictResponse({ type: ApiErrorDto, description: NOT_DRAFT })
  propose(@CurrentVillageActor() actor: VillageActor, @Param('ruleBookId', IdParam) id: string, @Body() body: ProposeRuleBookDto): Promise<RuleBookDetail> {
    return this.books.propose(actor, id, body);
  }
}

@ApiTags('points 村民积分制')
@ApiBearerAuth()
@Controller('points/settings')
export class PointsSettingsController {
  constructor(private readonly settings: PointsSettingsService) {}

  @Get()
  @Roles('villager')
  @ApiOperation({ summary: '积分设置', description: '每季授星分数线、红黑榜规则、公示期天数、谁可以兑换。从没保存过时是默认值（version 0）。' })
  @ApiOkResponse({ description: 'PointsSettings' })
  get(@CurrentVillageActor() actor: VillageActor): Promise<PointsSettings> {
    return this.settings.get(actor);
  }

  @Put()
  @Roles(...COMMITTEE_ROLES)
  @ApiOperation({ summary: '修改积分设置（两委）', description: '授星分数线从低到高；红榜、黑榜比例 0–50（%）；公示期 1–30 天。须带读取时的 version。记入审计。' })
  @ApiOkResponse({ description: 'PointsSettings' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'POINTS_INVALID：设置不对，message 说明每一处' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'POINTS_VERSION_CONFLICT：别人先改过，请刷新后再改' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: '只有村“两委”可以修改' })
  put(@CurrentVillageActor() actor: VillageActor, @Body() body: PointsSettingsDto): Promise<PointsSettings> {
    return this.settings.put(actor, body);
  }
}
