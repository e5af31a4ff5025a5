import type { HttpAppOptions } from '@support/platform';

/** The head of this service's OpenAPI document (served at /docs-json, committed as docs/openapi/sla-escalation.json). */
export const SLA_OPENAPI: HttpAppOptions = {
  title: 'SLA escalation',
  description: 'Priority-based first-response deadlines, durable timers, warnings, breaches and escalation.',
};
