/* eslint-disable @nx/enforce-module-boundaries --
 * the generator reads each app's root module and document head by path, as tools/db does.
 */
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, loadEnvironment, type HttpAppOptions } from '@support/platform';
import path from 'node:path';
import { EntitlementsModule } from '../../apps/entitlements/src/app.module';
import { EntitlementsEnvironment } from '../../apps/entitlements/src/environment';
import { ENTITLEMENTS_OPENAPI } from '../../apps/entitlements/src/openapi';
import { KnowledgeBaseModule } from '../../apps/knowledge-base/src/app.module';
import { KnowledgeBaseEnvironment } from '../../apps/knowledge-base/src/environment';
import { KNOWLEDGE_BASE_OPENAPI } from '../../apps/knowledge-base/src/openapi';
import { SlaEscalationModule } from '../../apps/sla-escalation/src/app.module';
import { SlaEnvironment } from '../../apps/sla-escalation/src/environment';
import { SLA_OPENAPI } from '../../apps/sla-escalation/src/openapi';
import { TicketingModule } from '../../apps/ticketing/src/app.module';
import { TicketingEnvironment } from '../../apps/ticketing/src/environment';
import { TICKETING_OPENAPI } from '../../apps/ticketing/src/openapi';

export const OPENAPI_DIRECTORY = path.resolve(__dirname, '../../docs/openapi');

/**
 * Settings the modules need to be described, none of which reaches the document: nothing
 * connects, since the app is only previewed (no provider is created).
 */
const DESCRIBE_ONLY = { KAFKA_BROKERS: 'describe-only:9092', AUTH_JWT_SECRET: 'describe-only-not-a-secret-0123456789' };

interface DocumentedService {
  head: HttpAppOptions;
  module(): DynamicModule;
}

export const DOCUMENTED_SERVICES: Record<string, DocumentedService> = {
  ticketing: { head: TICKETING_OPENAPI, module: () => TicketingModule.forRoot(loadEnvironment(TicketingEnvironment, DESCRIBE_ONLY)) },
  entitlements: {
    head: ENTITLEMENTS_OPENAPI,
    module: () => EntitlementsModule.forRoot(loadEnvironment(EntitlementsEnvironment, DESCRIBE_ONLY)),
  },
  'sla-escalation': { head: SLA_OPENAPI, module: () => SlaEscalationModule.forRoot(loadEnvironment(SlaEnvironment, DESCRIBE_ONLY)) },
  'knowledge-base': {
    head: KNOWLEDGE_BASE_OPENAPI,
    module: () => KnowledgeBaseModule.forRoot(loadEnvironment(KnowledgeBaseEnvironment, DESCRIBE_ONLY)),
  },
};

/**
 * A service's OpenAPI document without starting it: Nest's preview mode resolves the module graph
 * (controllers and their decorators) without creating providers, so no database or broker is
 * needed. The running service builds the same document (configureHttpApp).
 */
export async function buildServiceDocument(service: string): Promise<OpenAPIObject> {
  const described = DOCUMENTED_SERVICES[service];
  if (!described) throw new Error(`unknown service ${service}; expected ${Object.keys(DOCUMENTED_SERVICES).join(', ')}`);
  // the services' own server (createHttpApp), though a preview serves nothing
  const app: INestApplication = await NestFactory.create(described.module(), new FastifyAdapter(), {
    preview: true,
    logger: false,
    bodyParser: false,
    abortOnError: false,
  });
  try {
    // a JSON round trip drops the undefined members the file cannot hold
    return JSON.parse(JSON.stringify(buildOpenApiDocument(app, described.head))) as OpenAPIObject;
  } finally {
    await app.close();
  }
}

export function documentFile(service: string): string {
  return path.join(OPENAPI_DIRECTORY, `${service}.json`);
}
