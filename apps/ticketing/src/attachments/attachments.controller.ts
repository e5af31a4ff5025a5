import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, UuidParamPipe, type Principal } from '@support/platform';
import type { FastifyReply } from 'fastify';
import { AttachmentResponse } from '../tickets/ticket-page-parts';
import { attachmentView } from './attachment.view';
import { AttachmentsService, type ReceivedFile } from './attachments.service';
import { attachmentDisposition } from './content-disposition';
import { SingleFileUploadInterceptor, UPLOAD_FIELD } from './single-file-upload.interceptor';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('v1/tickets/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @HttpCode(201)
  @UseInterceptors(SingleFileUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [UPLOAD_FIELD], properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: AttachmentResponse })
  @ApiResponse({ status: 413, description: 'the file is larger than 25 MiB' })
  @ApiResponse({ status: 415, description: 'an executable, or a declared type the bytes contradict' })
  @ApiResponse({ status: 409, description: 'the ticket already has 10 files, or is closed' })
  @ApiForbiddenResponse({ description: 'a token claim ticketing cannot record (an id longer than a ticket holds)' })
  async upload(@Param('id', UuidParamPipe) id: string, @UploadedFile() file: ReceivedFile, @CurrentPrincipal() principal: Principal) {
    return attachmentView(await this.attachments.attach(id, file, principal));
  }

  @Get(':attachmentId')
  // any type but an executable can be uploaded, and the download answers the one sniffed then
  @ApiProduces('*/*')
  @ApiOkResponse({
    description:
      'the file, as a download of the type sniffed at upload (Content-Type: that type, application/octet-stream when none was recognised; Content-Disposition: attachment; ETag: its SHA-256)',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  })
  async download(
    @Param('id', UuidParamPipe) id: string,
    @Param('attachmentId', UuidParamPipe) attachmentId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.attachments.download(id, attachmentId, principal);
    // served only as a download of the sniffed type: a browser must not render or guess
    reply.headers({
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-cache',
      ETag: `"${attachment.sha256}"`,
    });
    return new StreamableFile(content, {
      type: attachment.contentType,
      length: attachment.sizeBytes,
      disposition: attachmentDisposition(attachment.filename),
    });
  }
}
