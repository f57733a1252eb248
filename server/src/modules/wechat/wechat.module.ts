import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { WechatClient } from './wechat.client';

/** Where WeChat's server API answers: the configured base URL, or the embedded fake's address. */
export class WechatEndpoint {
  constructor(readonly baseUrl: string) {}

  /** True when the endpoint is a fake that can mint login codes (local demo and tests). */
  get isFake(): boolean {
    return !this.baseUrl.startsWith('https://api.weixin.qq.com');
  }
}

@Global()
@Module({
  providers: [
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
