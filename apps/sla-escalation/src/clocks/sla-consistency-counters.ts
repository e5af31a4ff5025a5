import { Injectable } from '@nestjs/common';
import { ConsistencyCounters } from '@support/messaging';
import { exposeCounts, ServiceMetrics } from '@support/observability';

export const SLA_CONSISTENCY_COUNTERS = [
  /** decisions received again (same decisionId): left as they were, apart from a missing clock */
  'repeatDecisions',
  /** running first-response clocks announced again (clock_started, same clockId) on a repeated decision */
  'clocksReannounced',
  /** clocks started for an entitled decision that had none of its metric (the warn lines say which) */
  'clocksRepaired',
  /** tickets those clocks belong to */
  'ticketsRepaired',
  /** entitled decisions the repair sweep checked (clocks in place, started, or none owed) */
  'decisionsChecked',
  /** repair sweeps that ran */
  'sweeps',
] as const;
export type SlaConsistencyCounter = (typeof SLA_CONSISTENCY_COUNTERS)[number];

/** What this replica did for anti-entropy since it started; the admin route and metrics read it. */
@Injectable()
export class SlaConsistencyCounters extends ConsistencyCounters<SlaConsistencyCounter> {
  constructor(metrics: ServiceMetrics) {
    super(SLA_CONSISTENCY_COUNTERS);
    exposeCounts(
      metrics,
      'support_anti_entropy_total',
      'Anti-entropy work of this replica since it started, by kind (GET /v1/admin/consistency)',
      this,
    );
  }
}
