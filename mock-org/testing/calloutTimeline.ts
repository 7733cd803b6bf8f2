/** One callout, from the moment it was sent to the moment its answer came back, on a logical clock. */
interface Callout {
    readonly startedAt: number;
    endedAt: number | null;
}

/**
 * Records when each Qwil callout starts and ends, in event order (a logical clock, never wall time),
 * to count how many Qwil answers a server method waited for one after another: the longest chain of
 * callouts where each starts only after the previous one answered. Callouts sent at once count once.
 */
export class CalloutTimeline {
    private tick = 0;
    private readonly callouts = new Map<string, Callout>();

    started(requestId: string): void {
        this.callouts.set(requestId, { startedAt: (this.tick += 1), endedAt: null });
    }

    ended(requestId: string): void {
        const callout = this.callouts.get(requestId);
        if (callout) callout.endedAt = this.tick += 1;
    }

    clear(): void {
        this.callouts.clear();
    }

    /** How many callouts were recorded. */
    get count(): number {
        return this.callouts.size;
    }

    /** The sequential Qwil waits: the depth of the longest chain of non-overlapping callouts. */
    sequentialWaits(): number {
        const callouts = [...this.callouts.values()].map(({ startedAt, endedAt }) => ({
            startedAt,
            endedAt: endedAt ?? Number.POSITIVE_INFINITY
        }));
        callouts.sort((a, b) => a.endedAt - b.endedAt);
        const depth: number[] = [];
        callouts.forEach((callout, index) => {
            const before = callouts
                .slice(0, index)
                .map((earlier, at) => (earlier.endedAt < callout.startedAt ? (depth[at] ?? 0) : 0));
            depth.push(1 + Math.max(0, ...before));
        });
        return Math.max(0, ...depth);
    }
}
