/** Kafka topics of the public surface (contracts.md). Wire names are literals, never derived. */
export const TOPICS = {
  tickets: 'support.tickets',
  entitlements: 'support.entitlements',
  sla: 'support.sla',
  kb: 'support.kb',
  deadLetter: 'support.dlq',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];
