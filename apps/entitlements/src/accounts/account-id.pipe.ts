import { PatternParamPipe } from '@support/platform';

/** Account and user ids come from the identity provider: opaque, but bounded and printable. */
export const AccountIdPipe = PatternParamPipe(/^[A-Za-z0-9._:@-]{1,64}$/, 'must be 1-64 letters, digits or . _ : @ -', {
  code: 'invalid_identifier',
  maxLength: 64,
});
