import { Module } from '@nestjs/common';
import { ClocksModule } from '../clocks/clocks.module';
import { PoliciesModule } from '../policies/policies.module';
import { DueTimerBatch } from './due-timer-batch';
import { SlaMetrics } from './sla-metrics';
import { TimerScheduler } from './timer-scheduler';

/** Durable timers: warnings, breaches and escalation fire from the database, whichever replica claims them. */
@Module({
  imports: [ClocksModule, PoliciesModule],
  providers: [DueTimerBatch, TimerScheduler, SlaMetrics],
})
export class TimersModule {}
