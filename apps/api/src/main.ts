import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@lib/config';
import { ApiModule } from './api.module';
import { corsOptions } from './http/cors';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(ApiModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const cors = corsOptions(config);
  if (cors) app.enableCors(cors);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Newswire search API')
      .setDescription(
        'Search live wire stories, read their versions and related coverage, follow the live stream',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  await app.listen(config.API_PORT, config.HTTP_HOST);
}

void bootstrap();
