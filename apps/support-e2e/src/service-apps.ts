import type { INestApplication, LogLevel } from '@nestjs/common';
import { createEntitlementsApp } from '../../entitlements/src/app';
import { createKnowledgeBaseApp } from '../../knowledge-base/src/app';
import { createSlaApp } from '../../sla-escalation/src/app';
import { createTicketingApp } from '../../ticketing/src/app';
import type { CommonEnvironment } from '@support/platform';

type Factory = (env: never, logger: LogLevel[] | false) => Promise<INestApplication>;

/** How to build each service in-process, for tests that run several together. */
export const SERVICE_FACTORIES: Record<string, Factory> = {
  ticketing: createTicketingApp as Factory,
  entitlements: createEntitlementsApp as Factory,
  'sla-escalation': createSlaApp as Factory,
  'knowledge-base': createKnowledgeBaseApp as Factory,
};

export type AnyEnvironment = CommonEnvironment;
