import { HttpStatus } from '@nestjs/common';

/**
 * Base of every module's exception: a stable `code` for clients, a Chinese `message` that says what to
 * do next, optional `details`. Each module subclasses it with its own code enum and maps each code to
 * an HTTP status in an exhaustive switch, so adding a code without a status does not compile.
 */
export abstract class DomainException<Code extends string = string> extends Error {
  protected constructor(
    readonly code: Code,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }

  abstract httpStatus(): HttpStatus;
}

/** Lets an exhaustive `switch` over a code enum fail to compile when a case is missing. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
