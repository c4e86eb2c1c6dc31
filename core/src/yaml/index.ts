/**
 * A fast decoder for the block-style YAML that injection templates produce. It reads the first document into the
 * same JSON values as yamlToJson's `yaml` configuration, or declines when the text uses anything it does not handle
 * with certainty; callers then use the `yaml` package.
 */
import { BlockDecoder } from './block-decoder';
import { DECLINED, isDecline } from './decline';

export { DECLINED } from './decline';

/** Characters that make the decoder decline the text outright: tabs, carriage returns, other controls, BOMs. */
const UNHANDLED_CHARS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** The first document of `text` as JSON values (map keys as strings), or DECLINED. */
export function fastYamlToJson(text: string): unknown {
  if (UNHANDLED_CHARS.test(text)) return DECLINED;
  try {
    return new BlockDecoder(text).document();
  } catch {
    // A decline, or anything unforeseen (say, nesting deep enough to exhaust the stack): the `yaml` package decides.
    return DECLINED;
  }
}

/** Why the decoder declines `text` (for tests and tuning), or undefined when it does not. */
export function fastYamlDeclineReason(text: string): string | undefined {
  if (UNHANDLED_CHARS.test(text)) return 'unhandled character';
  try {
    new BlockDecoder(text).document();
    return undefined;
  } catch (e) {
    return isDecline(e) ? e.reason : `unexpected error: ${e instanceof Error ? e.message : String(e)}`;
  }
}
