import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
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
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { COMMITTEE_ROLES, type ProposalDetail, type ProposalFile, type ProposalPage, type ProposalSettings } from '@village/shared';
import type { Response } from 'express';
import { Public, Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import { contentDisposition } from '../notices/content-disposition';
import {
  AdvanceProposalDto,
  ConvertProposalDto,
  CreateProposalDto,
  DeclineProposalDto,
  ListProposalsQueryDto,
  MergeProposalDto,
  ProposalReplyDto,
  ProposalReviewDto,
  ProposalSettingsDto,
} from './dto/proposal.dto';
import { ProposalFilesService, type UploadedProposalFile } from './proposal-files.service';
import { ProposalsService } from './proposals.service';

const REFUSED = 'PROPOSAL_TRANSITION_REFUSED：现在不能这样办理（message 说明原因，与按钮上的说明一致），或 PROPOSAL_VERSION_CONFLICT：别人先改过；什么都没有写入';

@ApiTags('proposals 村民提议')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这条提议（审核中、未公开的只有提议人和两委能看到）' })
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Get()
  @Roles('villager')
  @ApiOperation({
    summary: '村民提议列表',
    description:
      'sort=hot 附议多的在前（再按新旧）；sort=new（默认）最新的在前；mine=true 只看我提的（含审核中、未公开的）；status 按状态；' +
      'queue=true 两委待办（监委会只读，只含已公开的）：待内容审核的在前，再是超期未答复的，再按答复期限，最后是已答复仍在办的。审核中、未公开的只有提议人和两委能看到。别人的姓名已打码。',
  })
  @ApiOkResponse({ description: 'ProposalPage' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'queue=true 只限村“两委”和监委会' })
  list(@CurrentVillageActor() actor: VillageActor, @Query() query: ListProposalsQueryDto): Promise<ProposalPage> {
    return this.proposals.list(actor, query);
  }

  @Post()
  @Roles('villager')
  @ApiOperation({
    summary: '提出提议',
    description:
      '标题和内容先经微信内容安全检查（msgSecCheck），照片经 mediaCheckAsync：都通过即公开（提出议题），开始计算答复期限；' +
      '需人工审核或照片还在检查则为“内容审核中”（pending_review，只有本人和两委能看到）；有风险则“未公开”（held，本人能看到原因），仍返回 201。手机号、身份证号会被打码。记入审计（不含正文）。',
  })
  @ApiCreatedResponse({ description: 'ProposalDetail' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '标题、内容、类别或照片不对' })
  create(@CurrentVillageActor() actor: VillageActor, @Body() body: CreateProposalDto): Promise<ProposalDetail> {
    return this.proposals.create(actor, body);
  }

  @Get(':proposalId')
  @Roles('villager')
  @ApiOperation({ summary: '提议详情', description: '正文、照片、六个步骤、附议进度（对照十分之一的线）、答复期限、答复和处理经过、我能做的操作和不能做的原因、分享卡片。' })
  @ApiOkResponse({ description: 'ProposalDetail' })
  detail(@CurrentVillageActor() actor: VillageActor, @Param('proposalId', IdParam) id: string): Promise<ProposalDetail> {
    return this.proposals.detail(actor, id);
  }

  @Post(':proposalId/cosign')
  @Roles('villager')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '附议',
    description:
      '每人一次（数据库唯一键保证，并发也只记一次）；再次附议返回同样的详情，不写任何东西。提议人不能附议自己的提议；“公开公示”以后不再接受附议。' +
      '附议人数（含提议人）达到全村成年村民十分之一，或村民代表达到三分之一时，记录召集村民会议的义务（《村民委员会组织法》第二十一条），只记一次。',
  })
  @ApiOkResponse({ description: 'ProposalDetail' })
  @ApiConflictResponse({ type: ApiErrorDto, description: REFUSED })
  cosign(@CurrentVillageActor() actor: VillageActor, @Param('proposalId', IdParam) id: string): Promise<ProposalDetail> {
    return this.proposals.cosign(actor, id);
  }

  @Post(':proposalId/steps')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '进入下一步（两委）', description: '提出议题 → 确定议题 → 内容审定 → 协商议事 → 公开公示 → 研究落实 → 办结，依次进行，不能跳过；note 公开，也算答复。' })
  @ApiOkResponse({ description: 'ProposalDetail' })
  @ApiConflictResponse({ type: ApiErrorDto, description: REFUSED })
  advance(@CurrentVillageActor() actor: VillageActor, @Param('proposalId', IdParam) id: string, @Body() body: AdvanceProposalDto): Promise<ProposalDetail> {
    return this.proposals.advance(actor, id, body);
  }

  @Post(':proposalId/reply')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '答复（两委）', description: '公开；第一次答复（或进入下一步、不予采纳、合并、转为大事）即满足答复期限。' })
  @ApiOkResponse({ description: 'ProposalDetail' })
  @ApiConflictResponse({ type: ApiErrorDto, description: REFUSED })
  reply(@CurrentVillageActor() actor: VillageActor, @Param('proposalId', IdParam) id: string, @Body() body: ProposalReplyDto): Promise<ProposalDetail> {
    return this.proposals.reply(actor, id, body);
  }

  @Post(':proposalId/decline')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '不予采纳（两委）', description: '“提出议题”到“协商议事”之间；理由公开。' })
  @ApiOkResponse({ description: 'ProposalDetail' })
  @ApiConflictResponse({ type: ApiErrorDto, description: REFUSED })
  decline(@CurrentVillageActor() actor: VillageActor, @Param('proposalId', IdParam) id: string, @Body() body: DeclineProposalDto): Promise<ProposalDetail> {
    return this.proposals.decline(actor, id, body);
  }

  @Post(':proposalId/merge')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '合并到另一条提议（两委）', description: '“提出议题”到“协商议事”之间，合并到正在办理的另一条提议；两条提议的附议各自保留。' })
  @ApiOkResponse({ description: 'ProposalDetail' })
  @ApiConflictResponse({ type: ApiErrorDto, description: `${REFUSED}；或 PROPOSAL_MERGE_TARGET_INVALID：目标不能合并` })
  merge(@CurrentVillageActor() actor: VillageActor, @Param('proposalId', IdParam) id: string, @Body() body: MergeProposalDto): Promise<ProposalDetail> {
    return this.proposals.merge(actor, id, body);
  }

  @Post(':proposalId/convert')
  @Roles('secretary', 'branch_committee')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '转为村里大事（书记、村党组织委员）',
    description: '在同一事务中创建“党组织提议”阶段的议事事项（四议两公开），提议与事项互相关联；事项的条件不满足（如事项类型不对）时什么都不写。',
  })
  @ApiOkResponse({ description: 'ProposalDetail' })
  @ApiConflictResponse({ type: ApiErrorDto, description: `${REFUSED}；或 MATTER_TRANSITION_REFUSED` })
  convert(@CurrentVillageActor() actor: VillageActor, @Param('proposalId', IdParam) id: string, @Body() body: ConvertProposalDto): Promise<ProposalDetail> {
    return this.proposals.convert(actor, id, body);
  }

  @Post(':proposalId/review')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '审核内容审核中的提议（两委）', description: 'release 公开（提出议题，开始计算答复期限）；reject 不公开，须写理由（提议人能看到）。' })
  @ApiOkResponse({ description: 'ProposalDetail' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '不公开时没有写理由' })
  @ApiConflictResponse({ type: ApiErrorDto, description: REFUSED })
  review(@CurrentVillageActor() actor: VillageActor, @Param('proposalId', IdParam) id: string, @Body() body: ProposalReviewDto): Promise<ProposalDetail> {
    return this.proposals.review(actor, id, body);
  }
}

@ApiTags('proposals 村民提议')
@ApiBearerAuth()
@Controller('proposal-files')
export class ProposalFilesController {
  constructor(private readonly files: ProposalFilesService) {}

  @Post()
  @Roles('villager')
  @UseInterceptors(FileInterceptor('file', { limits: { files: 1, fields: 4 } }))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '上传提议照片', description: 'JPG 或 PNG（按文件内容判断）；随即送微信 mediaCheckAsync 检查。返回的 id 用于提出提议（photoIds）。' })
  @ApiCreatedResponse({ description: 'ProposalFile' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '没有文件，或不是 JPG、PNG 照片' })
  upload(@CurrentVillageActor() actor: VillageActor, @UploadedFile() file: UploadedProposalFile | undefined): Promise<ProposalFile> {
    return this.files.upload(actor, file);
  }

  @Get(':fileId')
  @Public()
  @ApiOperation({ summary: '打开提议照片（签名链接）', description: '用提议详情里的 url 打开，不需要登录头；链接约 30 分钟内有效。签名不对或过期返回 403。' })
  @ApiQuery({ name: 'exp', description: '过期时间（Unix 秒）' })
  @ApiQuery({ name: 'sig', description: '签名' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: '链接签名不对或已过期' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '没有这张照片' })
  async open(@Param('fileId', IdParam) fileId: string, @Query('exp') exp: unknown, @Query('sig') sig: unknown, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { content, row, maxAgeSeconds } = await this.files.open(fileId, exp, sig);
    res.setHeader('Cache-Control', `private, max-age=${maxAgeSeconds}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content, { type: row.contentType, length: content.length, disposition: contentDisposition('inline', row.fileName) });
  }
}

@ApiTags('proposals 村民提议')
@ApiBearerAuth()
@Controller('proposal-settings')
export class ProposalSettingsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Get()
  @Roles('villager')
  @ApiOperation({ summary: '提议设置', description: '答复期限（天）和类别（内置的标明 builtin，停用的 enabled=false）。提议表单用启用的类别。' })
  @ApiOkResponse({ description: 'ProposalSettings' })
  get(@CurrentVillageActor() actor: VillageActor): Promise<ProposalSettings> {
    return this.proposals.settings(actor);
  }

  @Put()
  @Roles(...COMMITTEE_ROLES)
  @ApiOperation({ summary: '修改提议设置（两委）', description: '答复期限 1–60 天（只影响以后公开的提议）；内置类别可停用（“其他”除外），可加本村自己的类别；删掉的本村类别改为停用。记入审计。' })
  @ApiOkResponse({ description: 'ProposalSettings' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '答复期限或类别不对' })
  put(@CurrentVillageActor() actor: VillageActor, @Body() body: ProposalSettingsDto): Promise<ProposalSettings> {
    return this.proposals.configure(actor, body);
  }
}
