import { Body, Controller, Get, HttpCode, HttpStatus, Logger, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBody, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../../../common/auth/access.decorator';
import { ApiErrorDto } from '../../../common/errors/api-error.dto';
import { RequestId } from '../../../common/http/request-id.decorator';
import { AppConfig } from '../../../config/app-config';
import { MediaCheckService } from '../media-check.service';
import { WechatErrorCode, WechatException } from '../wechat.exception';
import { parseWechatPush } from './media-check-event';
import { verifyWechatPushSignature } from './push-signature';

/** Under the API prefix: the 消息推送 URL to enter in the mini-program's admin console is PUBLIC_BASE_URL/api/wechat/push. */
export const WECHAT_PUSH_PATH = 'wechat/push';

interface SignatureQuery {
  signature?: unknown;
  timestamp?: unknown;
  nonce?: unknown;
}

/**
 * WeChat's 消息推送 (明文模式, JSON): the GET that verifies the URL when it is saved in the admin
 * console, and the POSTs of events — here the verdicts of mediaCheckAsync (event wxa_media_check).
 * No bearer token: every request must carry WeChat's signature made with WECHAT_PUSH_TOKEN.
 */
@ApiTags('wechat 微信')
@Controller(WECHAT_PUSH_PATH)
@Public()
export class WechatPushController {
  private readonly logger = new Logger(WechatPushController.name);

  constructor(
    private readonly config: AppConfig,
    private readonly mediaChecks: MediaCheckService,
  ) {}

  @Get()
  @ApiOperation({
    summary: '微信消息推送：服务器地址验证',
    description: '在小程序后台保存消息推送配置时微信发来的验证：签名 = sha1(字典序排列的令牌、timestamp、nonce 拼接)，正确时原样返回 echostr。',
  })
  @ApiQuery({ name: 'signature', required: true })
  @ApiQuery({ name: 'timestamp', required: true })
  @ApiQuery({ name: 'nonce', required: true })
  @ApiQuery({ name: 'echostr', required: true })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'echostr，原样返回', schema: { type: 'string' } })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: '缺少签名' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: '签名不对' })
  verify(@Query() query: SignatureQuery & { echostr?: unknown }, @Res({ passthrough: true }) res: Response): string {
    this.assertSigned(query);
    const echostr = query.echostr;
    if (typeof echostr !== 'string' || !/^[\w-]{1,128}$/.test(echostr)) throw new WechatException(WechatErrorCode.PushMalformed, { errmsg: 'echostr' });
    plainText(res);
    return echostr;
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '微信消息推送：接收事件',
    description:
      '目前处理图片内容安全检测结果（Event = wxa_media_check，mediaCheckAsync 2.0）：按 trace_id 找到检测记录，更新结果并通知发起检测的模块；同一结果推送多次只处理一次。其他事件回答 success 后忽略。',
  })
  @ApiQuery({ name: 'signature', required: true })
  @ApiQuery({ name: 'timestamp', required: true })
  @ApiQuery({ name: 'nonce', required: true })
  @ApiBody({ description: '微信推送的事件 JSON', schema: { type: 'object', additionalProperties: true } })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'success', schema: { type: 'string', example: 'success' } })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: '缺少签名' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: '签名不对' })
  async receive(
    @Query() query: SignatureQuery,
    @Body() body: unknown,
    @RequestId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    this.assertSigned(query);
    const push = parseWechatPush(body);
    if (push.kind === 'malformed') throw new WechatException(WechatErrorCode.PushMalformed, { errmsg: push.reason });
    if (push.kind === 'other') {
      this.logger.log({ event: push.event }, 'WeChat push ignored');
      plainText(res);
      return 'success';
    }
    if (push.appId !== null && push.appId !== this.config.WECHAT_APP_ID) {
      throw new WechatException(WechatErrorCode.PushMalformed, { errmsg: 'appid is not ours' });
    }
    const outcome = await this.mediaChecks.applyVerdict(push.verdict, correlationId);
    if (outcome === 'unknown') {
      this.logger.warn({ traceId: push.verdict.traceId }, 'media check verdict for an unknown trace id');
      throw new WechatException(WechatErrorCode.PushUnknownTrace, { traceId: push.verdict.traceId });
    }
    plainText(res);
    return 'success';
  }

  private assertSigned(query: SignatureQuery): void {
    if (query.signature === undefined || query.timestamp === undefined || query.nonce === undefined) {
      throw new WechatException(WechatErrorCode.PushUnsigned);
    }
    if (!verifyWechatPushSignature(this.config.WECHAT_PUSH_TOKEN, query)) throw new WechatException(WechatErrorCode.PushSignatureInvalid);
  }
}

/** WeChat reads the reply as text ("success", or the echostr); errors stay JSON like everywhere else. */
function plainText(res: Response): void {
  res.type('text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
}
