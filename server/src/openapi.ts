import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('村民议事 API')
    .setDescription(
      '村民自治小程序的接口：村务公开、议事表决、四议两公开流程、村民积分。' +
        '所有错误都返回 { code, message, details?, correlationId }，message 为中文。',
    )
    .setVersion('0.1.0')
    .build();
  return SwaggerModule.createDocument(app, config);
}
