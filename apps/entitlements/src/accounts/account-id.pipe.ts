import { Injectable, PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { ApiError, DescribesParameter } from '@support/platform';

const IDENTIFIER = /^[A-Za-z0-9._:@-]{1,64}$/;

/** Account and user ids come from the identity provider: opaque, but bounded and printable. */
@Injectable()
@DescribesParameter({ type: 'string', pattern: IDENTIFIER.source, maxLength: 64 })
export class AccountIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!IDENTIFIER.test(value)) {
      throw ApiError.badRequest('invalid_identifier', `${metadata.data}: must be 1-64 letters, digits or . _ : @ -`);
    }
    return value;
  }
}
