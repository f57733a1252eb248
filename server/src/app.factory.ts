import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger as NestLogger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX } from '@village/shared';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/errors/api-exception.filter';
import { validationException } from './common/errors/validation';
import { correlationId } from './common/http/correlation-id';
import { AppConfig } from './config/app-config';
import { FakeWechatServer } from './modules/wechat/fake/fake-wechat-server';
import { WECHAT_PUSH_PATH } from './modules/wechat/push/wechat-push.controller';
import { WechatEndpoint } from './modules/wechat/wechat.module';
import { buildOpenApiDocument } from './openapi';

/** Builds the whole app the same way for the server, the CLI and the e2e tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  // Outside production WeChat is a local fake speaking the same protocol, on a port of its own.
  // Its image-check verdicts are pushed to our 消息推送 URL a second after each check, as WeChat would.
  const fakeWechat =
    config.WECHAT_API_BASE === 'fake'
      ? new FakeWechatServer({
          appId: config.WECHAT_APP_ID,
          appSecret: config.WECHAT_APP_SECRET,
          push: { url: `${config.PUBLIC_BASE_URL}/${API_PREFIX}/${WECHAT_PUSH_PATH}`, token: config.WECHAT_PUSH_TOKEN, delayMs: 1000 },
        })
      : null;
  const wechatBaseUrl = fakeWechat ? await fakeWechat.listen() : config.WECHAT_API_BASE;
  const endpoint = new WechatEndpoint(wechatBaseUrl, () => fakeWechat?.close() ?? Promise.resolve());
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, endpoint), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.use(correlationId);
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '1mb' });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationException,
    }),
  );
  app.useGlobalFilters(new ApiExceptionFilter());
  app.disable('x-powered-by');
  // Behind a reverse proxy in production: trust its X-Forwarded-For for rate limits and logs.
  app.set('trust proxy', 'loopback');

  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
    customSiteTitle: '村民议事 API',
  });
  serveMiniapp(app, config.H5_DIR);
  return app;
}

/**
 * The H5 build of the mini-program at `/`. Its router uses browser paths, so any GET outside /api that
 * asks for HTML gets index.html and the app's router takes over.
 */
function serveMiniapp(app: NestExpressApplication, h5Dir: string): void {
  const index = join(h5Dir, 'index.html');
  if (!existsSync(index)) {
    new NestLogger('Miniapp').warn(`H5 build not found at ${h5Dir}; run "pnpm build" to serve the mini-program at /`);
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith(`/${API_PREFIX}`)) return next();
      res.status(503).type('text/plain; charset=utf-8').send('小程序网页版还没有构建。请在项目目录运行 pnpm start。');
    });
    return;
  }
  app.useStaticAssets(h5Dir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = req.path === `/${API_PREFIX}` || req.path.startsWith(`/${API_PREFIX}/`);
    if (req.method !== 'GET' || isApi || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
