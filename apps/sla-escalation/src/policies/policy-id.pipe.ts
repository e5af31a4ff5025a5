import { PatternParamPipe } from '@support/platform';

export const PolicyIdPipe = PatternParamPipe(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'a policy id is 1 to 64 lowercase letters, digits, "-" or "_"', {
  code: 'invalid_policy_id',
  maxLength: 64,
});
