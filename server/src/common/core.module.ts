import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { WechatEndpoint } from '../modules/wechat/wechat.module';
import { Clock } from './clock';

/** Process-wide dependencies every module may inject: the validated config, WeChat's address, the clock. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, wechat: WechatEndpoint): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: AppConfig, useValue: config }, { provide: WechatEndpoint, useValue: wechat }, { provide: Clock, useValue: new Clock(config.CLOCK_OFFSET_DAYS) }],
      exports: [AppConfig, WechatEndpoint, Clock],
    };
  }
}
