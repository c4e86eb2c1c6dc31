/**
 * Declining: a helper that meets something it does not handle throws a Declined error; the entry point catches it
 * and returns DECLINED, and the caller falls back to the `yaml` package. Throwing keeps every helper free of
 * "did it fail?" checks on the hot path (declines are rare on template output).
 */

/** What fastYamlToJson returns when it leaves the text to the `yaml` package. */
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
