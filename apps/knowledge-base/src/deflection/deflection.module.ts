import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { SearchModule } from '../search/search.module';
import { DeflectionService } from './deflection.service';
import { HelpCenterStatsController } from './help-center-stats.controller';
import { HelpCenterStatsService } from './help-center-stats.service';
import { SuggestionsController } from './suggestions.controller';
import { TicketEventsConsumer } from './ticket-events.consumer';
import { TicketSuggestionsService } from './ticket-suggestions.service';

/** Ticket deflection: articles suggested for new tickets and while a form is typed, and what came of them. */
@Module({
  imports: [ArticlesModule, SearchModule],
  controllers: [SuggestionsController, HelpCenterStatsController, TicketEventsConsumer],
  providers: [DeflectionService, TicketSuggestionsService, HelpCenterStatsService],
})
export class DeflectionModule {}
