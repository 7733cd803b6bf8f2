import { POLL_INTERVAL_MS, subscribeToPoll } from '../qwilLivePoll';

const setHidden = (hidden: boolean) =>
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });

describe('qwilLivePoll', () => {
    const stops: (() => void)[] = [];

    beforeEach(() => {
        jest.useFakeTimers();
        setHidden(false);
    });
    afterEach(() => {
        stops.splice(0).forEach((stop) => stop());
        jest.useRealTimers();
    });

    function listen(): jest.Mock {
        const listener = jest.fn();
        stops.push(subscribeToPoll(listener));
        return listener;
    }

    it('calls the status and the chat listeners on one shared tick, once per interval', () => {
        const status = listen();
        jest.advanceTimersByTime(POLL_INTERVAL_MS / 3);
        const chat = listen();

        jest.advanceTimersByTime(POLL_INTERVAL_MS - POLL_INTERVAL_MS / 3);
        expect(status.mock.calls).toEqual([['interval']]);
        expect(chat.mock.calls).toEqual([['interval']]);
        expect(jest.getTimerCount()).toBe(1);

        jest.advanceTimersByTime(POLL_INTERVAL_MS);
        expect(status).toHaveBeenCalledTimes(2);
        expect(chat).toHaveBeenCalledTimes(2);
    });

    it('skips ticks while the browser tab is hidden and calls every listener at once when it is shown', () => {
        const listener = listen();
        setHidden(true);
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        jest.advanceTimersByTime(POLL_INTERVAL_MS * 3);
        expect(listener).not.toHaveBeenCalled();

        setHidden(false);
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        expect(listener.mock.calls).toEqual([['visible']]);
        jest.advanceTimersByTime(POLL_INTERVAL_MS - 1);
        expect(listener).toHaveBeenCalledTimes(1);
        jest.advanceTimersByTime(1);
        expect(listener).toHaveBeenCalledTimes(2);
    });

    it('stops the timer with the last listener', () => {
        const first = listen();
        const stopSecond = subscribeToPoll(jest.fn());
        stops.splice(0).forEach((stop) => stop());
        expect(jest.getTimerCount()).toBe(1);
        stopSecond();
        expect(jest.getTimerCount()).toBe(0);
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        expect(first).not.toHaveBeenCalled();
    });
});
