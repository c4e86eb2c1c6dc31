/** How often a crashed language server is restarted: a few times per window, then it stays down (no crash loop). */
export class RestartBudget {
  private readonly restarts: number[] = [];
  private readonly max: number;
  private readonly windowMs: number;

  constructor(max = 4, windowMs = 3 * 60_000) {
    this.max = max;
    this.windowMs = windowMs;
  }

  /** Records a crash at `now`; true when the server may be restarted once more. */
  allow(now: number): boolean {
    while (this.restarts.length && now - this.restarts[0]! > this.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.max) return false;
    this.restarts.push(now);
    return true;
  }
}
