import { WAIT_FOR_TIMEOUT_MS } from './testLimits';

/** Waits until the condition holds: integration calls cross real async layers (runtime, fetch, msw). */
export async function waitFor(condition: () => boolean, timeoutMs = WAIT_FOR_TIMEOUT_MS): Promise<void> {
    const started = Date.now();
    while (!condition()) {
        if (Date.now() - started > timeoutMs) throw new Error(`Condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
    }
}
