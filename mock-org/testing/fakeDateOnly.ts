/**
 * Fakes only `Date`, starting at `now`: what follows the clock (Platform Cache expiry, reuse windows,
 * timestamps Qwil writes) moves when the test says, while msw, timers and promises run as usual.
 * Move it on with `jest.setSystemTime`; end it with `jest.useRealTimers()`.
 */
export function fakeDateOnly(now: Date | number): void {
    jest.useFakeTimers({
        doNotFake: [
            'hrtime',
            'nextTick',
            'performance',
            'queueMicrotask',
            'setImmediate',
            'clearImmediate',
            'setInterval',
            'clearInterval',
            'setTimeout',
            'clearTimeout'
        ],
        now
    });
}
