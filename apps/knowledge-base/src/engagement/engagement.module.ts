import { Module } from '@nestjs/common';
import { ViewCounter } from './view-counter.service';
import { VotesService } from './votes.service';

/** Readers' views (tallied in memory, flushed periodically) and votes on articles. */
@Module({
  providers: [ViewCounter, VotesService],
  exports: [ViewCounter, VotesService],
})
export class EngagementModule {}
