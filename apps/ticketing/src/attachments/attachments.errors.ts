import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@support/platform';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_TICKET, type UploadRefused } from './upload-inspection';

const REFUSAL_ANSWERS = {
  empty_file: { status: HttpStatus.BAD_REQUEST, code: 'empty_file' },
  executable: { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, code: 'executable_refused' },
  content_type_mismatch: { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, code: 'content_type_mismatch' },
} as const;

export function uploadRefused(refused: UploadRefused): ApiError {
  const answer = REFUSAL_ANSWERS[refused.refusal];
  return new ApiError(answer.status, answer.code, refused.message, {
    errors: [{ field: 'file', problems: [refused.message.replace(/^file: /, '')] }],
  });
}

export function attachmentTooLarge(): ApiError {
  return new ApiError(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'attachment_too_large',
    `file: larger than 25 MiB (${MAX_ATTACHMENT_BYTES} bytes), the limit for one file`,
    {
      errors: [{ field: 'file', problems: [`must be at most ${MAX_ATTACHMENT_BYTES} bytes`] }],
    },
  );
}

export function attachmentLimitReached(ticketId: string): ApiError {
  return ApiError.conflict(
    'attachment_limit_reached',
    `file: ticket ${ticketId} already has ${MAX_ATTACHMENTS_PER_TICKET} attachments, the most a ticket takes`,
    {
      limit: MAX_ATTACHMENTS_PER_TICKET,
    },
  );
}

export function malformedUpload(problem: string): ApiError {
  return ApiError.badRequest('invalid_upload', `file: ${problem}`, { errors: [{ field: 'file', problems: [problem] }] });
}

export function notMultipart(): ApiError {
  return new ApiError(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'unsupported_media_type',
    'file: send multipart/form-data with the file in the field "file"',
  );
}

export function attachmentNotFound(ticketId: string, attachmentId: string): ApiError {
  return ApiError.notFound('attachment', `${attachmentId} of ticket ${ticketId}`, 'attachment_not_found');
}
