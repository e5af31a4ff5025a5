import { ValidateBy, type ValidationOptions } from 'class-validator';
import { textProblem } from './strict-input';

/**
 * One line of text (a subject, a name): the request-wide check lets tab, line feed and carriage
 * return through for multi-line fields; these refuse them too, naming the character.
 */
export function SingleLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'singleLine',
      validator: {
        validate: (value) => typeof value !== 'string' || textProblem(value, false) === null,
        defaultMessage: (args) =>
          `${args?.property} must be one line: it ${textProblem(String(args?.value ?? ''), false) ?? 'must be one line'}`,
      },
    },
    options,
  );
}
