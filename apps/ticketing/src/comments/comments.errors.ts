import { ApiError } from '@support/platform';

export function internalNoteForbidden(): ApiError {
  return ApiError.forbidden('public: only agents and admins write internal notes (public: false)', {
    errors: [{ field: 'public', problems: ['only agents and admins may write internal notes'] }],
  });
}
