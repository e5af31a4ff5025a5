import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { TopResourcesController } from './top-resources.controller';
import { TopResourcesService } from './top-resources.service';

/** The curated list of top resources per language. */
@Module({
  imports: [ArticlesModule],
  controllers: [TopResourcesController],
  providers: [TopResourcesService],
})
export class TopResourcesModule {}
