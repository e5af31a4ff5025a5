import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@support/nest-messaging';
import { KnowledgeBaseEnvironment } from './environment';
import { KNOWLEDGE_BASE_SERVICE } from './service';

@Module({})
export class KnowledgeBaseModule {
  static forRoot(env: KnowledgeBaseEnvironment): DynamicModule {
    return {
      module: KnowledgeBaseModule,
      imports: serviceInfrastructure({ ...KNOWLEDGE_BASE_SERVICE, service: KNOWLEDGE_BASE_SERVICE.name, env }),
      providers: [{ provide: KnowledgeBaseEnvironment, useValue: env }],
    };
  }
}
