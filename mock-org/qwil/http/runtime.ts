import type { FaultInjector } from '../faults';
import type { QwilStore } from '../model/store';
import type { RateLimiter } from '../rateLimit';

/** What every handler shares within one mock Qwil. */
export interface Runtime {
    store: QwilStore;
    faults: FaultInjector;
    rateLimiter: RateLimiter;
    now: () => Date;
    callerAddress: () => string;
}
