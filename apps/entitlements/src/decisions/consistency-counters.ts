import { Injectable } from '@nestjs/common';
import { ConsistencyCounters } from '@support/messaging';
import { exposeCounts, ServiceMetrics } from '@support/observability';

export const ENTITLEMENTS_CONSISTENCY_COUNTERS = [
  /** recorded decisions announced again because their ticket was re-driven (or announced twice) */
  'decisionsReemitted',
] as const;

/** What this replica did for anti-entropy since it started; the admin route and metrics read it. */
@Injectable()
export class EntitlementsConsistencyCounters extends ConsistencyCounters<(typeof ENTITLEMENTS_CONSISTENCY_COUNTERS)[number]> {
  constructor(metrics: ServiceMetrics) {
    super(ENTITLEMENTS_CONSISTENCY_COUNTERS);
    exposeCounts(
      metrics,
      'support_anti_entropy_total',
      'Anti-entropy work of this replica since it started, by kind (GET /v1/admin/consistency)',
      this,
    );
  }
}
