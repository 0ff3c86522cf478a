import type { Principal } from './scope.ts';

/**
 * Resolved tokens for a few seconds, so a busy client costs no database read per request.
 * Revoking through this server clears it at once; another server sharing the database honours a
 * revocation within `ttlMs`.
 */
export class TokenCache {
  private readonly entries = new Map<string, { principal: Principal; expires: number }>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly capacity = 1_000,
  ) {}

  get(secret: string, now: number): Principal | undefined {
    const entry = this.entries.get(secret);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(secret);
      return undefined;
    }
    return entry.principal;
  }

  set(secret: string, principal: Principal, now: number): void {
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(secret, { principal, expires: now + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }
}
