import { DynamicModule, Module } from '@nestjs/common';
import { serviceInfrastructure } from '@support/nest-bootstrap';
import { AntiEntropyModule } from './anti-entropy/anti-entropy.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { CommentsModule } from './comments/comments.module';
import type { TicketingEnvironment } from './environment';
import { ProjectionsModule } from './projections/projections.module';
import { TICKETING_SERVICE } from './service';
import { TicketsModule } from './tickets/tickets.module';

@Module({})
export class TicketingModule {
  static forRoot(env: TicketingEnvironment): DynamicModule {
    return {
      module: TicketingModule,
      imports: [
        ...serviceInfrastructure(TICKETING_SERVICE, env),
        TicketsModule,
        ProjectionsModule,
        CommentsModule,
        AttachmentsModule.forRoot({ directory: env.ATTACHMENTS_DIR }),
        AntiEntropyModule.forRoot(env),
      ],
    };
  }
}
