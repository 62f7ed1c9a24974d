import { ValidationError, ValidationPipe } from '@nestjs/common';
import { BadUserInputException } from './errors/app.exception.js';

export interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The global validation pipe: invalid arguments become BAD_USER_INPUT with the fields at fault. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const summary = fields.flatMap((f) => f.problems).join('; ');
      return new BadUserInputException(`Invalid input: ${summary}`, { fields });
    },
  });
}
