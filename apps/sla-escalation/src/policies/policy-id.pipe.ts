import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiError, DescribesParameter } from '@support/platform';

const POLICY_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

@Injectable()
@DescribesParameter({ type: 'string', pattern: POLICY_ID.source, maxLength: 64 })
export class PolicyIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!POLICY_ID.test(value)) {
      throw ApiError.badRequest('invalid_policy_id', 'id: a policy id is 1 to 64 lowercase letters, digits, "-" or "_"');
    }
    return value;
  }
}
