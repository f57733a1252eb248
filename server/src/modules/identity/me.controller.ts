import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../../common/auth/access.decorator';
import { CurrentActor, type Actor } from '../../common/auth/actor';
import { AppConfig } from '../../config/app-config';
import { AccountRepository } from './account.repository';
import { BindingService } from './binding.service';
import { MeDto, PrivacyConsentDto } from './dto/auth.dto';
import { RedeemBindingCodeDto } from './dto/binding.dto';
import { IdentityErrorCode, IdentityException } from './identity.exception';
import { MeService } from './me.service';
import { ActorResolver } from './actor.resolver';
import { SessionService } from './session.service';

@ApiTags('me 我的')
@ApiBearerAuth()
@Controller('me')
@SignedIn()
export class MeController {
  constructor(
    private readonly meService: MeService,
    private readonly accounts: AccountRepository,
    private readonly bindings: BindingService,
    private readonly sessions: SessionService,
    private readonly actors: ActorResolver,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: '我的信息', description: '账号、绑定的村民、本户成员和身份。手机号、身份证号已打码。' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.meService.me(actor);
  }

  @Post('privacy-consent')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '同意隐私说明', description: '记录用户同意的隐私说明版本。版本须是当前版本。' })
  @ApiOkResponse({ type: MeDto })
  async consent(@CurrentActor() actor: Actor, @Body() body: PrivacyConsentDto): Promise<MeDto> {
    if (body.version !== this.config.PRIVACY_NOTICE_VERSION) {
      throw new IdentityException(IdentityErrorCode.PrivacyVersionOutdated, '隐私说明已经更新，请重新阅读后再同意', {
        currentVersion: this.config.PRIVACY_NOTICE_VERSION,
      });
    }
    await this.accounts.recordConsent(actor.accountId, body.version);
    return this.meService.me(actor);
  }

  @Post('id-number-consent')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '单独同意提供身份证号', description: '身份证号属于敏感个人信息，须单独同意（个人信息保护法第二十九条）。' })
  @ApiOkResponse({ type: MeDto })
  async idNumberConsent(@CurrentActor() actor: Actor): Promise<MeDto> {
    await this.accounts.recordIdNumberConsent(actor.accountId);
    return this.meService.me(actor);
  }

  @Post('binding')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '用绑定码绑定村民身份',
    description: '一个微信在一个村只能绑定一位村民；每个账号每小时最多试 5 次（可配置）。',
  })
  @ApiOkResponse({ type: MeDto })
  async bind(@CurrentActor() actor: Actor, @Body() body: RedeemBindingCodeDto): Promise<MeDto> {
    const villageId = await this.bindings.redeem(actor.accountId, actor.correlationId, body.code);
    const session = await this.sessions.resolveById(actor.sessionId);
    return this.meService.me(await this.actors.resolve({ ...session, villageId }, actor.correlationId));
  }
}
