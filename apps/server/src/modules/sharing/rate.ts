/**
 * Calls per second per app, as a token bucket in this server's memory: a burst of up to one
 * second's allowance, then the steady rate. Answers 0 when a call may go, else the seconds to wait.
 */
export function createRateLimiter(perSecond: number, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(id: string): number {
      const t = now();
      const b = buckets.get(id) ?? { tokens: perSecond, at: t };
      b.tokens = Math.min(perSecond, b.tokens + ((t - b.at) / 1000) * perSecond);
      b.at = t;
      buckets.set(id, b);
      if (b.tokens < 1) return Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
      b.tokens -= 1;
      return 0;
    },
  };
}
