import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@lib/config';
import { stopTakingRequestsOnShutdown } from './http/stop-taking-requests';
import { IngestModule } from './ingest.module';
import { IntakeExceptionFilter } from './intake/intake-exception.filter';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(IngestModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new IntakeExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Newswire ingest')
      .setDescription('Push wire copy in any supported format')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  await app.listen(config.INGEST_PORT, config.HTTP_HOST);
  stopTakingRequestsOnShutdown(app.getHttpServer());
}

void bootstrap();
