import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@support/nest-bootstrap';
import { ArticleAdminController } from './articles/article-admin.controller';
import { ArticleAdminQueries } from './articles/article-admin-queries.service';
import { ArticleAuthoringService } from './articles/article-authoring.service';
import { ArticleReaderService } from './articles/article-reader.service';
import { ArticlesController } from './articles/articles.controller';
import { CatalogController } from './catalog/catalog.controller';
import { CatalogService } from './catalog/catalog.service';
import { DeflectionService } from './deflection/deflection.service';
import { HelpCenterStatsController } from './deflection/help-center-stats.controller';
import { HelpCenterStatsService } from './deflection/help-center-stats.service';
import { SuggestionsController } from './deflection/suggestions.controller';
import { TicketEventsConsumer } from './deflection/ticket-events.consumer';
import { ViewCounter } from './engagement/view-counter.service';
import { VotesService } from './engagement/votes.service';
import { KnowledgeBaseEnvironment } from './environment';
import { MysqlSearchEngine } from './search/article-search.service';
import { SearchPort } from './search/search-port';
import { SearchSynonymsController } from './search/search-synonyms.controller';
import { SearchSynonymsService } from './search/search-synonyms.service';
import { KNOWLEDGE_BASE_SERVICE } from './service';
import { TopResourcesController } from './top-resources/top-resources.controller';
import { TopResourcesService } from './top-resources/top-resources.service';

@Module({})
export class KnowledgeBaseModule {
  static forRoot(env: KnowledgeBaseEnvironment): DynamicModule {
    return {
      module: KnowledgeBaseModule,
      imports: serviceInfrastructure(KNOWLEDGE_BASE_SERVICE, env),
      controllers: [
        CatalogController, ArticlesController, ArticleAdminController, TopResourcesController, SuggestionsController,
        HelpCenterStatsController, SearchSynonymsController, TicketEventsConsumer,
      ],
      providers: [
        { provide: KnowledgeBaseEnvironment, useValue: env },
        CatalogService, { provide: SearchPort, useClass: MysqlSearchEngine }, SearchSynonymsService, ArticleAuthoringService, ArticleReaderService, ArticleAdminQueries,
        TopResourcesService, ViewCounter, VotesService, DeflectionService, HelpCenterStatsService,
      ],
    };
  }
}
