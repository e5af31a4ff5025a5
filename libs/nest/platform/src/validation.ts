import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiError } from './api-error';

function collect(errors: ValidationError[], prefix = ''): Array<{ field: string; problems: string[] }> {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return own.concat(collect(error.children ?? [], field));
  });
}

/** Rejects unknown fields and names every invalid one in a single 400 answer. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = collect(errors);
      return new ApiError(
        HttpStatus.BAD_REQUEST,
        'validation_failed',
        fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; '),
        { errors: fields },
      );
    },
  });
}
