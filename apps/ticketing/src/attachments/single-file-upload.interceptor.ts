import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import typeis from 'type-is';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';
import { attachmentTooLarge, malformedUpload, notMultipart } from './attachments.errors';
import { MAX_ATTACHMENT_BYTES } from './upload-inspection';

export const UPLOAD_FIELD = 'file';

/**
 * Reads exactly one file from the multipart field "file" into memory, stopping the upload as soon
 * as it passes 25 MiB, and answers every way a multipart body can be wrong with a 4xx naming the
 * field. Runs after the auth guard, so no one without a token gets to send bytes.
 */
@Injectable()
export class SingleFileUploadInterceptor implements NestInterceptor {
  private readonly receive = multer({
    storage: multer.memoryStorage(),
    // file names arrive as UTF-8 from browsers and curl; busboy would read them as Latin-1
    defParamCharset: 'utf8',
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0, parts: 1, fieldNameSize: 100, headerPairs: 100 },
  }).single(UPLOAD_FIELD);

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { file?: Express.Multer.File }>();
    const response = context.switchToHttp().getResponse<FastifyReply>();
    // multer reads Node's request, whose body Fastify left unread (createHttpApp)
    const incoming = request.raw as typeof request.raw & { file?: Express.Multer.File };
    if (!typeis(incoming, ['multipart/form-data'])) throw notMultipart();
    await new Promise<void>((resolve, reject) => {
      this.receive(incoming as never, response.raw as never, (error: unknown) => (error ? reject(uploadError(error)) : resolve()));
    });
    if (!incoming.file) throw malformedUpload(`no file in the field "${UPLOAD_FIELD}"`);
    // where @UploadedFile() reads it
    request.file = incoming.file;
    return next.handle();
  }
}

function uploadError(error: unknown): Error {
  if (!(error instanceof MulterError)) {
    return malformedUpload(`the multipart body cannot be read (${(error as Error)?.message ?? 'malformed'})`);
  }
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return attachmentTooLarge();
    case 'LIMIT_UNEXPECTED_FILE':
      return malformedUpload(`the file must be sent in the field "${UPLOAD_FIELD}", not "${error.field ?? ''}"`);
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_PART_COUNT':
      return malformedUpload('send one file per request, and nothing else');
    case 'LIMIT_FIELD_COUNT':
      return malformedUpload(`only the field "${UPLOAD_FIELD}" is accepted${error.field ? `, not "${error.field}"` : ''}`);
    default:
      return malformedUpload(error.message);
  }
}
