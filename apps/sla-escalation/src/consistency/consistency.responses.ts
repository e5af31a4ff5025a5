import { ApiFlag, ApiInstant, ApiInteger, ApiNested, ApiText } from '@support/platform';

export class SlaConsistencyCountersResponse {
  @ApiInteger() repeatDecisions!: number;
  @ApiInteger() clocksReannounced!: number;
  @ApiInteger() clocksRepaired!: number;
  @ApiInteger() ticketsRepaired!: number;
  @ApiInteger() decisionsChecked!: number;
  @ApiInteger() sweeps!: number;
}

export class UncheckedDecisionsResponse {
  @ApiInteger({ description: 'entitled decisions older than SLA_CLOCK_REPAIR_AFTER_MS the sweep has not checked yet' })
  awaitingCheck!: number;
  @ApiInstant({ nullable: true }) oldestDecidedAt!: string | null;
  @ApiInteger({ description: 'entitled decisions checked in the last day that still have no first-response clock (none was owed)' })
  checkedWithoutClockLastDay!: number;
}

export class SlaSweepStateResponse {
  @ApiFlag() running!: boolean;
  @ApiInteger() consecutiveFailures!: number;
  @ApiText({ nullable: true }) lastError!: string | null;
}

export class ClockRepairSettingsResponse {
  @ApiInteger() repairAfterMs!: number;
  @ApiInteger() sweepIntervalMs!: number;
  @ApiInteger() batchSize!: number;
}

/** GET /v1/admin/consistency of sla-escalation. */
export class SlaConsistencyResponse {
  @ApiText({ example: 'sla-escalation' }) service!: string;
  @ApiInstant() checkedAt!: string;
  @ApiNested(() => SlaConsistencyCountersResponse) counters!: SlaConsistencyCountersResponse;
  @ApiNested(() => UncheckedDecisionsResponse) stuck!: UncheckedDecisionsResponse;
  @ApiNested(() => SlaSweepStateResponse) sweep!: SlaSweepStateResponse;
  @ApiNested(() => ClockRepairSettingsResponse) settings!: ClockRepairSettingsResponse;
}
