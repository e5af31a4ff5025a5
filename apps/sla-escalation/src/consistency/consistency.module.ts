import { Module } from '@nestjs/common';
import { ClocksModule } from '../clocks/clocks.module';
import { ClockRepairSweep } from './clock-repair.sweep';
import { ConsistencyController } from './consistency.controller';

/** Anti-entropy: starts clocks an entitled decision is owed but lacks, and shows operators what it did. */
@Module({
  imports: [ClocksModule],
  controllers: [ConsistencyController],
  providers: [ClockRepairSweep],
})
export class ConsistencyModule {}
