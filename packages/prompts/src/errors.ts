/** Stable codes carried by every error this package throws for bad input. */
export type PromptsErrorCode =
  | 'TEMPLATE_INVALID'
  | 'TEMPLATE_DUPLICATE'
  | 'TEMPLATE_NOT_FOUND'
  | 'MISSING_SLOTS'
  | 'INVALID_SLOTS'
  | 'UNANCHORED_CONTENT'
  | 'INVALID_EDIT';

export class PromptsError extends Error {
  constructor(
    readonly code: PromptsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** One problem found in a template file. `path` is a JSON-pointer-like location inside the file. */
export interface TemplateProblem {
  file: string;
  path: string;
  message: string;
}

/** A template file could not be loaded: lists every problem, with the file it was found in. */
export class TemplateError extends PromptsError {
  constructor(
    code: 'TEMPLATE_INVALID' | 'TEMPLATE_DUPLICATE' | 'TEMPLATE_NOT_FOUND',
    readonly problems: TemplateProblem[],
  ) {
    super(code, TemplateError.describe(problems));
  }

  private static describe(problems: TemplateProblem[]): string {
    const lines = problems.map((p) => `${p.file}${p.path ? ` ${p.path}` : ''}: ${p.message}`);
    return `${problems.length} template problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
  }
}

export interface SlotProblem {
  slot: string;
  message: string;
}

/** Slot values do not satisfy a template: `missing` names required slots without a value. */
export class SlotError extends PromptsError {
  constructor(
    readonly templateRef: string,
    readonly missing: string[],
    readonly invalid: SlotProblem[],
  ) {
    super(
      missing.length > 0 ? 'MISSING_SLOTS' : 'INVALID_SLOTS',
      [
        `${templateRef}:`,
        missing.length > 0 ? `missing required slot(s): ${missing.join(', ')}` : '',
        ...invalid.map((p) => `slot ${p.slot}: ${p.message}`),
      ]
        .filter(Boolean)
        .join(' '),
    );
  }
}

/** A human edit that cannot be applied to a draft (for example, a paragraph index out of range). */
export class EditError extends PromptsError {
  constructor(message: string) {
    super('INVALID_EDIT', message);
  }
}
