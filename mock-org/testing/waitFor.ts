/** Waits until the condition holds: integration calls cross real async layers (runtime, fetch, msw). */
export async function waitFor(condition: () => boolean, timeoutMs = 4000): Promise<void> {
    const started = Date.now();
    while (!condition()) {
        if (Date.now() - started > timeoutMs) throw new Error(`Condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
    }
}
