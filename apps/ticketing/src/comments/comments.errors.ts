import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@support/platform';

export class InternalNoteForbiddenError extends ApiError {
  constructor() {
    super(HttpStatus.FORBIDDEN, 'forbidden', 'public: only agents and admins write internal notes (public: false)', {
      errors: [{ field: 'public', problems: ['only agents and admins may write internal notes'] }],
    });
  }
}
