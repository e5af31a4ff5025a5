import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { correlationMiddleware } from './correlation';
import { HttpErrorFilter } from './http-error.filter';
import { HttpTelemetry } from './observability/http-telemetry';
import { createValidationPipe } from './validation';

export interface HttpAppOptions {
  title: string;
  description: string;
  version?: string;
}

/** The HTTP conventions shared by every service: validation, error shape, correlation ids, /docs. */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  const express = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  express.disable?.('x-powered-by');
  app.use(correlationMiddleware);
  // spans, request durations and access logs (ObservabilityModule), once the correlation id is known
  app.use(app.get(HttpTelemetry).middleware);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion(options.version ?? '1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json', yamlDocumentUrl: 'docs/yaml' });
}
