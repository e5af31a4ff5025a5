import { Module } from '@nestjs/common';
import { PlanCatalogService } from './plan-catalog.service';
import { PlansController } from './plans.controller';

/** The plan catalogue: versioned plans and what each grants (channels, first-response targets). */
@Module({
  controllers: [PlansController],
  providers: [PlanCatalogService],
  exports: [PlanCatalogService],
})
export class PlansModule {}
