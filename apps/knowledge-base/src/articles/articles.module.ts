import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { EngagementModule } from '../engagement/engagement.module';
import { SearchModule } from '../search/search.module';
import { ArticleAdminController } from './article-admin.controller';
import { ArticleAdminQueries } from './article-admin-queries.service';
import { ArticleAnnouncer } from './article-announcer';
import { ArticleAuthoringService } from './article-authoring.service';
import { ArticleReaderService } from './article-reader.service';
import { ArticlesController } from './articles.controller';

/** Articles and their translations: authoring and publishing for agents, reading and search for everyone. */
@Module({
  imports: [CatalogModule, SearchModule, EngagementModule],
  controllers: [ArticlesController, ArticleAdminController],
  providers: [ArticleAuthoringService, ArticleAnnouncer, ArticleReaderService, ArticleAdminQueries],
  exports: [ArticleReaderService],
})
export class ArticlesModule {}
