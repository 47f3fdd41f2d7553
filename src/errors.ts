// Errors a person or a program acts on carry a stable code, apart from the message a person
// reads. Anything else is a bug: it is logged, and the user sees a generic message.
import type { Problem } from "./domain/manifesto/validate.ts";

export type ErrorCode =
  | "validation_error"
  | "not_found"
  | "conflict"
  | "forbidden"
  | "unauthenticated"
  | "data_dir_locked"
  | "config_error"
  | "database_unavailable"
  | "storage_unavailable"
  /** Rendering refused for now: the pool is full, or a job ran past its time or memory. */
  | "busy"
  /** 0018: signed in where a second factor is required; only its set-up is open. */
  | "second_factor_enrolment_required";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export class ValidationError extends AppError {
  constructor(message: string, problems: Problem[]) {
    super("validation_error", message, problems);
    this.name = "ValidationError";
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super("not_found", message);
    this.name = "NotFoundError";
  }
}
