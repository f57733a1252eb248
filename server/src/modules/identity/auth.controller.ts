import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, SignedIn } from '../../common/auth/access.decorator';
import { CurrentActor, type Actor } from '../../common/auth/actor';
import { AuthService } from './auth.service';
import { DemoLoginDto, DemoPersonaDto, LoginResultDto, RefreshDto, TokenPairDto, WechatLoginDto } from './dto/auth.dto';
import { SessionService } from './session.service';
import { RequestId } from '../../common/http/request-id.decorator';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Post('wechat-login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '微信登录', description: 'wx.login 的 code 换取本系统的登录凭证（code2Session）。' })
  @ApiOkResponse({ type: LoginResultDto })
  wechatLogin(@Body() body: WechatLoginDto, @RequestId() correlationId: string): Promise<LoginResultDto> {
    return this.auth.loginWithCode(body.code, correlationId);
  }

  @Get('demo-personas')
  @Public()
  @ApiOperation({ summary: '演示身份列表（仅本地演示环境）' })
  @ApiOkResponse({ type: [DemoPersonaDto] })
  demoPersonas(): Promise<DemoPersonaDto[]> {
    return this.auth.demoPersonas();
  }

  @Post('demo-login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '以演示身份登录（仅本地演示环境）', description: '经由本地模拟的微信服务器走完整的 code2Session 流程。' })
  @ApiOkResponse({ type: LoginResultDto })
  demoLogin(@Body() body: DemoLoginDto, @RequestId() correlationId: string): Promise<LoginResultDto> {
    return this.auth.demoLogin(body.persona, correlationId);
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '刷新登录凭证', description: '旧的刷新凭证随即作废。' })
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @SignedIn()
  @ApiBearerAuth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: '退出登录' })
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.sessions.revoke(actor.sessionId);
  }
}
