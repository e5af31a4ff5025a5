import { Injectable, PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { isPlanCode, PLAN_CODES, type PlanCode } from '@support/domain-entitlements';
import { ApiError, DescribesParameter } from '@support/platform';

/** The plans are a fixed vocabulary shared with the events; an admin edits them, never invents one. */
@Injectable()
@DescribesParameter({ type: 'string', enum: [...PLAN_CODES] })
export class PlanCodePipe implements PipeTransform<string, PlanCode> {
  transform(value: string, metadata: ArgumentMetadata): PlanCode {
    if (!isPlanCode(value)) {
      throw ApiError.badRequest('invalid_plan_code', `${metadata.data}: must be one of ${PLAN_CODES.join(', ')} (got ${JSON.stringify(value)})`);
    }
    return value;
  }
}
