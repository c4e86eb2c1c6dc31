/**
 * The fast decoder gives up by throwing this one object; the entry point catches it and reports DECLINED, and the
 * caller falls back to the `yaml` package. A throw keeps every helper free of "did it fail?" checks on the hot path.
 */
export const DECLINED: unique symbol = Symbol('fast YAML decoder declined');

class Declined {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}

/** Gives up on the whole text (never returns). */
export function decline(reason: string): never {
  throw new Declined(reason);
}

export function isDecline(e: unknown): e is { reason: string } {
  return e instanceof Declined;
}
