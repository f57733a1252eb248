import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { COMMITTEE_ROLES, Roles, SignedIn } from '../../common/auth/access.decorator';
import { CurrentActor, CurrentVillageActor, type Actor, type VillageActor } from '../../common/auth/actor';
import { IdParam } from '../../common/http/id-param.pipe';
import { BindingService } from './binding.service';
import { CouncilChannelService } from './council-channel.service';
import { CouncilChannelDto, EncryptedShareDto, IssuedBindingCodeDto, UnbindDto } from './dto/binding.dto';

@ApiTags('bindings 身份绑定')
@ApiBearerAuth()
@Controller()
export class BindingController {
  constructor(
    private readonly bindings: BindingService,
    private readonly channels: CouncilChannelService,
  ) {}

  @Post('residents/:residentId/binding-codes')
  @Roles(...COMMITTEE_ROLES)
  @ApiOperation({
    summary: '给村民发绑定码',
    description: '一次性 6 位码和可打印的二维码；默认 7 天有效。新码发出后旧码作废。',
  })
  @ApiCreatedResponse({ type: IssuedBindingCodeDto })
  issue(@CurrentVillageActor() actor: VillageActor, @Param('residentId', IdParam) residentId: string): Promise<IssuedBindingCodeDto> {
    return this.bindings.issue(actor, residentId);
  }

  @Post('residents/:residentId/unbind')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: '解除村民的微信绑定', description: '手机丢失或换微信时由村委会操作，记入审计。' })
  @ApiNoContentResponse()
  async unbind(
    @CurrentVillageActor() actor: VillageActor,
    @Param('residentId', IdParam) residentId: string,
    @Body() body: UnbindDto,
  ): Promise<void> {
    await this.bindings.unbind(actor, residentId, body.reason);
  }

  @Post('council-channel/bind')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '把本村的微信群绑定为村民议事群（一村一群）', description: '提交群分享卡片的 encryptedData 和 iv。' })
  @ApiOkResponse({ type: CouncilChannelDto })
  bindChannel(@CurrentVillageActor() actor: VillageActor, @Body() body: EncryptedShareDto): Promise<CouncilChannelDto> {
    return this.channels.bind(actor, body);
  }

  @Post('council-channel/enter')
  @SignedIn()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '从群里打开：这是哪个村的议事群' })
  @ApiOkResponse({ type: CouncilChannelDto })
  enterChannel(@CurrentActor() actor: Actor, @Body() body: EncryptedShareDto): Promise<CouncilChannelDto> {
    return this.channels.enter(actor, body);
  }
}
