import { performance } from 'node:perf_hooks';

interface Interval {
    readonly startedAt: number;
    endedAt?: number;
}

/**
 * The Qwil callouts seen since the last reset, with when each started and ended. Sequential waits
 * are the longest chain of callouts in which each started only after the previous one had ended:
 * how many Qwil answers the caller waited for one after another (callouts that overlapped count once).
 */
export class CalloutTimeline {
    private intervals = new Map<string, Interval>();

    started(requestId: string): void {
        this.intervals.set(requestId, { startedAt: performance.now() });
    }

    ended(requestId: string): void {
        const interval = this.intervals.get(requestId);
        if (interval) interval.endedAt = performance.now();
    }

    reset(): void {
        this.intervals = new Map();
    }

    get callouts(): number {
        return this.intervals.size;
    }

    get sequentialWaits(): number {
        // A callout still open counts as ending now: nothing after it could have waited for its answer.
        const now = performance.now();
        const sorted = [...this.intervals.values()]
            .map(({ startedAt, endedAt }) => ({ startedAt, endedAt: endedAt ?? now }))
            .sort((a, b) => a.startedAt - b.startedAt);
        const chainEndingAt: number[] = [];
        sorted.forEach((interval, index) => {
            let longestBefore = 0;
            for (let earlier = 0; earlier < index; earlier += 1) {
                if (sorted[earlier]!.endedAt <= interval.startedAt)
                    longestBefore = Math.max(longestBefore, chainEndingAt[earlier]!);
            }
            chainEndingAt.push(longestBefore + 1);
        });
        return Math.max(0, ...chainEndingAt);
    }
}

/** What msw's server.events offers that the timeline needs (setupServer().events). */
interface RequestEvents {
    on(event: 'request:start' | 'request:end', listener: (args: { requestId: string }) => void): void;
}

export function recordCallouts(events: RequestEvents): CalloutTimeline {
    const timeline = new CalloutTimeline();
    events.on('request:start', ({ requestId }) => timeline.started(requestId));
    events.on('request:end', ({ requestId }) => timeline.ended(requestId));
    return timeline;
}
