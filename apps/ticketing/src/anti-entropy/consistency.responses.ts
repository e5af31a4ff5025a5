import { ApiFlag, ApiInstant, ApiInteger, ApiNested, ApiText } from '@support/platform';

export class TicketingConsistencyCountersResponse {
  @ApiInteger({ description: 'created events published again, for any reason' }) ticketsRedriven!: number;
  @ApiInteger({ description: '... for a ticket still waiting for its plan check' }) redrivenForDecision!: number;
  @ApiInteger({ description: '... for an entitled ticket still without its first-response clock' }) redrivenForClock!: number;
  @ApiInteger({ description: "... for a ticket the knowledge base's suggestions never reached" }) redrivenForSuggestions!: number;
  @ApiInteger({ description: 'last re-drives: the ticket is left to an operator if this one does not help either' }) lastAttempts!: number;
  @ApiInteger({ description: 'sweeps that ran' }) sweeps!: number;
}

export class StuckTicketsResponse {
  @ApiInteger() awaitingDecision!: number;
  @ApiInteger() awaitingClock!: number;
  @ApiInteger() awaitingSuggestions!: number;
  @ApiInteger({ description: 're-drives used up: an operator must look at them' }) exhausted!: number;
  @ApiInstant({ nullable: true }) oldestCreatedAt!: string | null;
}

export class SweepStateResponse {
  @ApiFlag() running!: boolean;
  @ApiInteger() consecutiveFailures!: number;
  @ApiText({ nullable: true }) lastError!: string | null;
}

export class RedriveSettingsResponse {
  @ApiInteger() redriveAfterMs!: number;
  @ApiInteger() sweepIntervalMs!: number;
  @ApiInteger() batchSize!: number;
  @ApiInteger() maxAttempts!: number;
}

/** GET /v1/admin/consistency of ticketing. */
export class TicketingConsistencyResponse {
  @ApiText({ example: 'ticketing' }) service!: string;
  @ApiInstant() checkedAt!: string;
  @ApiNested(() => TicketingConsistencyCountersResponse, { description: 'what the sweeps of this replica did since it started' })
  counters!: TicketingConsistencyCountersResponse;
  @ApiNested(() => StuckTicketsResponse, { description: 'counted in the database, for all replicas' }) stuck!: StuckTicketsResponse;
  @ApiNested(() => SweepStateResponse) sweep!: SweepStateResponse;
  @ApiNested(() => RedriveSettingsResponse) settings!: RedriveSettingsResponse;
}
