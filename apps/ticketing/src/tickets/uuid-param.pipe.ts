import { HttpStatus, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiError, DescribesParameter } from '@support/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that must be a UUID; the answer names the parameter instead of a generic message. */
@Injectable()
@DescribesParameter({ type: 'string', format: 'uuid' })
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    throw new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', `${field}: must be a UUID`, {
      errors: [{ field, problems: ['must be a UUID'] }],
    });
  }
}
