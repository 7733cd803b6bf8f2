/**
 * The page's one poll: every listener (the client's Qwil status, the open chat's new messages) is
 * called on the same tick, so a tab with a chat open asks the server at one cadence, not two.
 * Polling is the only way to learn of changes: Qwil publishes no push or webhook.
 */

/** Often enough to feel live, rare enough for Qwil's rate limit with many users on the page (see README, Performance). */
export const POLL_INTERVAL_MS = 15_000;

/** Why a listener is called: the interval passed, or the browser tab was shown again after being hidden. */
export type PollReason = 'interval' | 'visible';
export type PollListener = (reason: PollReason) => void;

const listeners = new Set<PollListener>();
let timer: ReturnType<typeof setTimeout> | undefined;

function notify(reason: PollReason): void {
    for (const listener of [...listeners]) listener(reason);
}

function schedule(): void {
    clearTimeout(timer);
    timer = undefined;
    if (listeners.size === 0) return;
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    timer = setTimeout(tick, POLL_INTERVAL_MS);
}

function tick(): void {
    // Paused while the browser tab is hidden: nobody reads it, and Qwil's rate limit is shared.
    if (!document.hidden) notify('interval');
    schedule();
}

function onVisibilityChange(): void {
    if (document.hidden) return;
    // Shown again: catch up at once, then count the interval from now.
    notify('visible');
    schedule();
}

/**
 * Calls `listener` on every poll tick while the browser tab is visible, and at once when it is
 * shown again. Returns the function that stops it; the timer stops with the last listener.
 */
export function subscribeToPoll(listener: PollListener): () => void {
    if (listeners.size === 0) document.addEventListener('visibilitychange', onVisibilityChange);
    listeners.add(listener);
    if (timer === undefined) schedule();
    return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        document.removeEventListener('visibilitychange', onVisibilityChange);
        clearTimeout(timer);
        timer = undefined;
    };
}
