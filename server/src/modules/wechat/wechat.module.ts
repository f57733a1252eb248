import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
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

@Global()
@Module({
  providers: [
    WechatEndpointLifecycle,
    {
      provide: WechatClient,
      inject: [AppConfig, WechatEndpoint],
      useFactory: (config: AppConfig, endpoint: WechatEndpoint): WechatClient =>
        new WechatClient({ baseUrl: endpoint.baseUrl, appId: config.WECHAT_APP_ID, appSecret: config.WECHAT_APP_SECRET }),
    },
  ],
  exports: [WechatClient],
})
export class WechatModule {}
