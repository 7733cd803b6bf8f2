import { DebouncedRequest, type RequestState, TYPING_PAUSE_MS } from '../qwilDebouncedRequest';
import { deferred, flushPromises } from 'jest-support/componentTesting';

function setUp(request: (input: string) => Promise<string>) {
    const states: RequestState<string, string>[] = [];
    const debounced = new DebouncedRequest(request, (state) => states.push(state));
    return { debounced, states, latest: () => states[states.length - 1] };
}

describe('c/qwilDebouncedRequest', () => {
    beforeEach(() => {
        jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    });
    afterEach(() => {
        jest.useRealTimers();
    });

    it('asks once typing has paused, for the last input only', async () => {
        const request = jest.fn((input: string) => Promise.resolve(input.toUpperCase()));
        const { debounced, latest } = setUp(request);

        debounced.askSoon('07');
        jest.advanceTimersByTime(TYPING_PAUSE_MS - 1);
        debounced.askSoon('0770');
        expect(latest()).toEqual({ input: '0770', isLoading: true, result: undefined });
        jest.advanceTimersByTime(TYPING_PAUSE_MS);
        await flushPromises();

        expect(request.mock.calls).toEqual([['0770']]);
        expect(latest()).toEqual({ input: '0770', isLoading: false, result: '0770' });
    });

    it('drops an answer that arrives after a newer question', async () => {
        const slow = deferred<string>();
        const request = jest.fn().mockReturnValueOnce(slow.promise).mockResolvedValueOnce('newer');
        const { debounced, latest } = setUp(request);

        const first = debounced.askNow('first');
        await debounced.askNow('second');
        slow.resolve('older');

        await expect(first).resolves.toBe('older');
        expect(latest()).toEqual({ input: 'second', isLoading: false, result: 'newer' });
    });

    it('publishes a failure and keeps the last result, and rejects the caller', async () => {
        const failure = new Error('Timeout');
        const request = jest.fn().mockResolvedValueOnce('found').mockRejectedValueOnce(failure);
        const { debounced, latest } = setUp(request);

        await debounced.askNow('a');
        await expect(debounced.askNow('ab')).rejects.toBe(failure);

        expect(latest()).toEqual({ input: 'ab', isLoading: false, result: 'found', errors: [failure] });
    });

    it('asks nothing and publishes nothing more once cancelled', async () => {
        const request = jest.fn().mockResolvedValue('late');
        const { debounced, states } = setUp(request);

        debounced.askSoon('a');
        debounced.cancel();
        jest.advanceTimersByTime(TYPING_PAUSE_MS);
        await flushPromises();

        expect(request).not.toHaveBeenCalled();
        expect(states).toHaveLength(1);
    });

    describe('a quiet refresh', () => {
        it('publishes only its answer, marked as refreshed, and nothing at all when it fails', async () => {
            const request = jest
                .fn()
                .mockResolvedValueOnce('first')
                .mockResolvedValueOnce('changed')
                .mockRejectedValueOnce(new Error('Timeout'));
            const { debounced, states } = setUp(request);
            await debounced.askNow('record');
            const shownBefore = states.length;

            await debounced.refreshQuietly('record');
            expect(states.slice(shownBefore)).toEqual([
                { input: 'record', isLoading: false, result: 'changed', refreshed: true }
            ]);
            await debounced.refreshQuietly('record');
            expect(states).toHaveLength(shownBefore + 1);
        });

        it('is skipped while another request is awaited, and its answer is dropped by a newer request', async () => {
            const slow = deferred<string>();
            const request = jest.fn().mockReturnValueOnce(slow.promise);
            const { debounced, latest } = setUp(request);
            const loading = debounced.askNow('a');
            await debounced.refreshQuietly('a');
            expect(request).toHaveBeenCalledTimes(1);
            slow.resolve('loaded');
            await loading;

            const late = deferred<string>();
            request.mockReturnValueOnce(late.promise).mockResolvedValueOnce('newer');
            const refreshing = debounced.refreshQuietly('a');
            await debounced.askNow('b');
            late.resolve('stale');
            await refreshing;
            expect(request.mock.calls).toEqual([['a'], ['a'], ['b']]);
            expect(latest()).toEqual({ input: 'b', isLoading: false, result: 'newer' });
        });
    });
});
