import { AUDIT_READER_ROLES } from '@village/shared';
import { Readable } from 'node:stream';
import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { COMMITTEE_ROLES, Public, Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AuditEventsService } from './audit-events.service';
import { AuditProofService } from './audit-proof.service';
import { AuditRepository } from './audit.repository';
import { AuditSigningKey } from './audit-signing-key';
import { AuditVerificationService } from './audit-verification.service';
import { formatChinaTime } from './audit-dates.util';
import { CHECKPOINT_DOMAIN_SEPARATOR } from './domain';
import {
  AuditCheckpointDto,
  AuditCheckpointPageDto,
  AuditPublicKeyDto,
  ConsistencyProofDto,
  InclusionProofDto,
  toCheckpointDto,
} from './dto/audit-checkpoint.dto';
import { AuditEventDetailDto, AuditEventPageDto } from './dto/audit-event.dto';
import {
  AuditEventFilterQueryDto,
  AuditEventListQueryDto,
  ConsistencyProofQueryDto,
  InclusionProofQueryDto,
  PageQueryDto,
} from './dto/audit-query.dto';
import { AuditVerificationDto } from './dto/audit-verification.dto';
import { SeqParamPipe } from './seq-param.pipe';

/** Who may read the whole trail (DOMAIN.md §7): the supervisory committee first of all. */
const TRAIL_READERS = AUDIT_READER_ROLES;

@ApiTags('audit 审计记录')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly verification: AuditVerificationService,
    private readonly checkpoints: AuditCheckpointService,
    private readonly proofs: AuditProofService,
    private readonly events: AuditEventsService,
    private readonly repo: AuditRepository,
    private readonly key: AuditSigningKey,
    private readonly clock: Clock,
  ) {}

  @Get('verify')
  @Roles(...TRAIL_READERS)
  @ApiOperation({
    summary: '校验本村的审计记录链',
    description:
      '逐条重算哈希、核对前后衔接和每个签名检查点的默克尔根与签名，报告发现的第一个问题及其位置（被修改、缺失、顺序被调换、末尾被删除、签名不对）。' +
      '篡改时仍返回 200，结果在 ok 和 problem 里。',
  })
  @ApiOkResponse({ type: AuditVerificationDto })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: '只有监委会成员、书记和村委会委员可以校验' })
  verify(@CurrentVillageActor() actor: VillageActor): Promise<AuditVerificationDto> {
    return this.verification.verify(actor.villageId);
  }

  @Get('events')
  @Roles(...TRAIL_READERS)
  @ApiOperation({ summary: '浏览审计记录', description: '按操作人、操作类型、对象、日期筛选，最新的在前，每页最多 100 条。' })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '筛选条件的格式不对' })
  listEvents(@CurrentVillageActor() actor: VillageActor, @Query() query: AuditEventListQueryDto): Promise<AuditEventPageDto> {
    const { page, pageSize, ...filter } = query;
    return this.events.list(actor.villageId, filter, page, pageSize);
  }

  @Get('events.csv')
  @Roles(...TRAIL_READERS)
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: '导出审计记录（CSV）',
    description:
      '与浏览相同的筛选条件，按序号从早到晚，UTF-8 带 BOM（Excel 可直接打开中文）。occurredAt 至 villageId 各列与记录原样一致，可据此重算哈希；空白表示 null。',
  })
  @ApiOkResponse({ description: 'CSV 文件', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  exportEvents(@CurrentVillageActor() actor: VillageActor, @Query() query: AuditEventFilterQueryDto): StreamableFile {
    const chunks = this.events.csv(actor.villageId, query);
    const day = formatChinaTime(this.clock.now().toISOString()).slice(0, 10);
    return new StreamableFile(Readable.from(chunks), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-trail-${day}.csv"`,
    });
  }

  @Get('events/:seq')
  @Roles(...TRAIL_READERS)
  @ApiParam({ name: 'seq', description: '记录序号', example: 1 })
  @ApiOperation({ summary: '查看一条审计记录', description: '含变更前后的内容（个人信息已脱敏），可据此显示差异。' })
  @ApiOkResponse({ type: AuditEventDetailDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  eventDetail(@CurrentVillageActor() actor: VillageActor, @Param('seq', SeqParamPipe) seq: number): Promise<AuditEventDetailDto> {
    return this.events.detail(actor.villageId, seq);
  }

  @Get('events/:seq/inclusion-proof')
  @Roles('villager')
  @ApiParam({ name: 'seq', description: '记录序号', example: 1 })
  @ApiOperation({
    summary: '包含证明：这条记录在某个签名检查点里',
    description: 'RFC 9162 审计路径。用公钥核对检查点签名，再用路径从 leafHash 算到 rootHash，即可确认这条记录未被改动。本村村民都可以查。',
  })
  @ApiOkResponse({ type: InclusionProofDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '记录链有缺失，无法计算' })
  async inclusionProof(
    @CurrentVillageActor() actor: VillageActor,
    @Param('seq', SeqParamPipe) seq: number,
    @Query() query: InclusionProofQueryDto,
  ): Promise<InclusionProofDto> {
    const proof = await this.proofs.inclusion(actor.villageId, seq, query.treeSize);
    return { ...proof, checkpoint: proof.checkpoint ? toCheckpointDto(proof.checkpoint) : null };
  }

  @Get('consistency-proof')
  @Roles('villager')
  @ApiOperation({
    summary: '一致性证明：较新的检查点只是在较早的后面追加',
    description: 'RFC 9162 一致性证明，证明前 from 条记录在 to 条的树里原样未动。本村村民都可以查。',
  })
  @ApiOkResponse({ type: ConsistencyProofDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  async consistencyProof(@CurrentVillageActor() actor: VillageActor, @Query() query: ConsistencyProofQueryDto): Promise<ConsistencyProofDto> {
    const proof = await this.proofs.consistency(actor.villageId, query.from, query.to);
    return {
      ...proof,
      fromCheckpoint: proof.fromCheckpoint ? toCheckpointDto(proof.fromCheckpoint) : null,
      toCheckpoint: proof.toCheckpoint ? toCheckpointDto(proof.toCheckpoint) : null,
    };
  }

  @Get('checkpoints')
  @Roles('villager')
  @ApiOperation({
    summary: '已签名公布的检查点',
    description: '最新的在前。每个检查点用服务器的 Ed25519 密钥签名，任何人可用 GET /api/audit/public-key 的公钥核对。本村村民都可以查。',
  })
  @ApiOkResponse({ type: AuditCheckpointPageDto })
  async listCheckpoints(@CurrentVillageActor() actor: VillageActor, @Query() query: PageQueryDto): Promise<AuditCheckpointPageDto> {
    const [rows, total] = await this.repo.listCheckpoints(actor.villageId, (query.page - 1) * query.pageSize, query.pageSize);
    return { items: rows.map(toCheckpointDto), total, page: query.page, pageSize: query.pageSize };
  }

  @Post('checkpoints')
  @Roles('supervisor', ...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: '现在生成一个检查点',
    description: '先完整校验记录链，通过后对当前全部记录签名。已有同样大小的检查点时直接返回它（200）。记录链校验不通过时拒绝（409）。',
  })
  @ApiCreatedResponse({ type: AuditCheckpointDto, description: '新生成的检查点' })
  @ApiOkResponse({ type: AuditCheckpointDto, description: '已有同样大小的检查点' })
  @ApiConflictResponse({ type: ApiErrorDto, description: '还没有记录，或记录链校验不通过' })
  async createCheckpoint(
    @CurrentVillageActor() actor: VillageActor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditCheckpointDto> {
    const { checkpoint, created } = await this.checkpoints.createNow(actor.villageId, actor.residentId);
    if (!created) res.status(HttpStatus.OK);
    return toCheckpointDto(checkpoint);
  }

  @Get('public-key')
  @Public()
  @ApiOperation({ summary: '检查点签名公钥', description: '任何人都可以用它核对检查点签名，不必信任服务器。' })
  @ApiOkResponse({ type: AuditPublicKeyDto })
  publicKey(): AuditPublicKeyDto {
    return {
      algorithm: 'Ed25519',
      keyId: this.key.keyId,
      publicKeyPem: this.key.publicKeyPem,
      signedMessagePrefix: CHECKPOINT_DOMAIN_SEPARATOR,
    };
  }
}
