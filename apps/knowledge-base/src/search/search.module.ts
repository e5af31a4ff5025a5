import { Module } from '@nestjs/common';
import { MysqlSearchEngine } from './article-search.service';
import { SearchPort } from './search-port';
import { SearchSynonymsController } from './search-synonyms.controller';
import { SearchSynonymsService } from './search-synonyms.service';

/** Article search behind a port (MySQL full-text today) and the synonyms admins curate for it. */
@Module({
  controllers: [SearchSynonymsController],
  providers: [{ provide: SearchPort, useClass: MysqlSearchEngine }, SearchSynonymsService],
  exports: [SearchPort],
})
export class SearchModule {}
