import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@support/nest-bootstrap';
import { ArticlesModule } from './articles/articles.module';
import { CatalogModule } from './catalog/catalog.module';
import { DeflectionModule } from './deflection/deflection.module';
import { EngagementModule } from './engagement/engagement.module';
import { KnowledgeBaseEnvironment } from './environment';
import { SearchModule } from './search/search.module';
import { KNOWLEDGE_BASE_SERVICE } from './service';
import { TopResourcesModule } from './top-resources/top-resources.module';

@Module({})
export class KnowledgeBaseModule {
  static forRoot(env: KnowledgeBaseEnvironment): DynamicModule {
    return {
      module: KnowledgeBaseModule,
      // the validated environment is visible to every feature module
      global: true,
      imports: [
        ...serviceInfrastructure(KNOWLEDGE_BASE_SERVICE, env),
        CatalogModule,
        ArticlesModule,
        TopResourcesModule,
        DeflectionModule,
        SearchModule,
        EngagementModule,
      ],
      providers: [{ provide: KnowledgeBaseEnvironment, useValue: env }],
      exports: [KnowledgeBaseEnvironment],
    };
  }
}
