import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MediaCheckService } from './media-check.service';
import { WechatPushController } from './push/wechat-push.controller';
import { WechatClient } from './wechat.client';

/** Where WeChat's server API answers: the configured base URL, or the embedded fake's address. */
export class WechatEndpoint {
  constructor(
    readonly baseUrl: string,
    /** Stops the embedded fake server, when there is one. */
    private readonly stop: () => Promise<void> = async () => undefined,
  ) {}

  close(): Promise<void> {
    return this.stop();
  }

  /** True when the endpoint is a fake that can mint login codes (local demo and tests). */
  get isFake(): boolean {
    return !this.baseUrl.startsWith('https://api.weixin.qq.com');
  }
}

/** Closes the embedded fake WeChat server with the app, so tests and SIGTERM leave no open port. */
@Injectable()
class WechatEndpointLifecycle implements OnApplicationShutdown {
  constructor(private readonly endpoint: WechatEndpoint) {}

  onApplicationShutdown(): Promise<void> {
    return this.endpoint.close();
  }
}

/**
 * WeChat's server API (WechatClient) and its push side: /api/wechat/push receives the verdicts of
 * image checks, which MediaCheckService matches to the module that started them (see its doc).
 */
@Global()
@Module({
  controllers: [WechatPushController],
  providers: [
    WechatEndpointLifecycle,
    MediaCheckService,
    {
      provide: WechatClient,
      inject: [AppConfig, WechatEndpoint],
      useFactory: (config: AppConfig, endpoint: WechatEndpoint): WechatClient =>
        new WechatClient({ baseUrl: endpoint.baseUrl, appId: config.WECHAT_APP_ID, appSecret: config.WECHAT_APP_SECRET }),
    },
  ],
  exports: [WechatClient, MediaCheckService],
})
export class WechatModule {}
