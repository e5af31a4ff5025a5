/* eslint-disable @nx/enforce-module-boundaries --
 * The one place apps meet: cross-service tests compose the services in one process, through
 * each app's own factory and manifest. Production code never imports an app.
 */
import { createEntitlementsApp } from '../../entitlements/src/app';
import { ENTITLEMENTS_SERVICE } from '../../entitlements/src/service';
import { createKnowledgeBaseApp } from '../../knowledge-base/src/app';
import { KNOWLEDGE_BASE_SERVICE } from '../../knowledge-base/src/service';
import { createSlaApp } from '../../sla-escalation/src/app';
import { SLA_SERVICE } from '../../sla-escalation/src/service';
import { createTicketingApp } from '../../ticketing/src/app';
import { TICKETING_SERVICE } from '../../ticketing/src/service';

/** what ticketing's NOT NULL SLA times hold while a ticket has no clock, for tests that make a ticket look so */
export { NO_TIME as TICKETING_NO_TIME } from '../../ticketing/src/tickets/ticket.entity';

/** Each service's manifest and in-process factory, for tests that run several together. */
export const TICKETING = [TICKETING_SERVICE, createTicketingApp] as const;
export const ENTITLEMENTS = [ENTITLEMENTS_SERVICE, createEntitlementsApp] as const;
export const SLA = [SLA_SERVICE, createSlaApp] as const;
export const KNOWLEDGE_BASE = [KNOWLEDGE_BASE_SERVICE, createKnowledgeBaseApp] as const;
