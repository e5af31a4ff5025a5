import { Module } from '@nestjs/common';
import { PoliciesController } from './policies.controller';
import { PoliciesService } from './policies.service';
import { PolicyCatalogService } from './policy-catalog.service';

/** Versioned SLA policies: calendars, warning thresholds, escalation, the targets of the other metrics. */
@Module({
  controllers: [PoliciesController],
  providers: [PoliciesService, PolicyCatalogService],
  exports: [PolicyCatalogService],
})
export class PoliciesModule {}
