import { DynamicModule, Module } from '@nestjs/common';
import { TicketFiles } from '../tickets/ticket-page-parts';
import { TicketsModule } from '../tickets/tickets.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { SingleFileUploadInterceptor } from './single-file-upload.interceptor';
import { AttachmentStore } from './storage/attachment-store';
import { LocalDirectoryStore } from './storage/local-directory.store';

@Module({})
export class AttachmentsModule {
  /** Files kept in a local directory (ATTACHMENTS_DIR); another AttachmentStore can take its place. */
  static forRoot(options: { directory: string }): DynamicModule {
    return {
      module: AttachmentsModule,
      imports: [TicketsModule],
      controllers: [AttachmentsController],
      providers: [
        AttachmentsService,
        // the ticket page lists its files here
        { provide: TicketFiles, useExisting: AttachmentsService },
        SingleFileUploadInterceptor,
        { provide: AttachmentStore, useFactory: () => LocalDirectoryStore.open(options.directory) },
      ],
    };
  }
}
