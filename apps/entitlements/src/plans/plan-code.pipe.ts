import { isPlanCode, PLAN_CODES, type PlanCode } from '@support/domain-entitlements';
import { ParamPipe } from '@support/platform';

/** The plans are a fixed vocabulary shared with the events; an admin edits them, never invents one. */
export const PlanCodePipe = ParamPipe<PlanCode>({
  accepts: isPlanCode,
  problem: (value) => `must be one of ${PLAN_CODES.join(', ')} (got ${JSON.stringify(value)})`,
  code: 'invalid_plan_code',
  schema: { type: 'string', enum: [...PLAN_CODES] },
});
