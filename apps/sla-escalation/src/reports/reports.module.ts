import { Module } from '@nestjs/common';
import { ComplianceController } from './compliance.controller';
import { ComplianceService } from './compliance.service';

/** Compliance reports over stopped and breached clocks. */
@Module({
  controllers: [ComplianceController],
  providers: [ComplianceService],
})
export class ReportsModule {}
