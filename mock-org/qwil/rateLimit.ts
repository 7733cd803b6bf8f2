import { QwilError } from './errors';

export interface RateLimit {
    limit: number;
    windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 600, windowMs: 60_000 };

/** A fixed window per API key; the 429 carries Retry-After in whole seconds. */
export class RateLimiter {
    private setting: RateLimit = DEFAULT_RATE_LIMIT;
    private readonly windows = new Map<string, { startedAt: number; count: number }>();

    constructor(private readonly now: () => Date) {}

    configure(setting: RateLimit): void {
        this.setting = { ...setting };
        this.windows.clear();
    }

    take(apiKey: string): void {
        const now = this.now().getTime();
        const current = this.windows.get(apiKey);
        const window =
            current && now - current.startedAt < this.setting.windowMs ? current : { startedAt: now, count: 0 };
        window.count += 1;
        this.windows.set(apiKey, window);
        if (window.count > this.setting.limit) {
            const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + this.setting.windowMs - now) / 1000));
            throw new RateLimitedError(retryAfterSeconds);
        }
    }
}

export class RateLimitedError extends QwilError {
    constructor(readonly retryAfterSeconds: number) {
        super('QX429', `Too many requests; retry after ${retryAfterSeconds} s`);
    }
}
