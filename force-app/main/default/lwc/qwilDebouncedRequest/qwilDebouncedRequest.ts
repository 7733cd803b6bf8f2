/**
 * A server request driven by typing or by a page's own reloads: waits for a pause before asking (or asks
 * at once, or quietly), and only the answer to the newest request is published, so a slow answer for an
 * earlier input never replaces a newer one.
 */

export const TYPING_PAUSE_MS = 400;

/** What a component renders: the input asked about, whether an answer is awaited, and the outcome. */
export interface RequestState<Input, Result> {
    input: Input;
    isLoading: boolean;
    result?: Result;
    /** A list, so that even a rejection without a reason is shown as an error. */
    errors?: unknown[];
    /** The answer to a quiet refresh: what changed since it was last shown may be announced. */
    refreshed?: boolean;
}

export class DebouncedRequest<Input, Result> {
    private timer?: ReturnType<typeof setTimeout>;
    private latestTicket = 0;
    private awaited = 0;
    private lastResult?: Result;

    constructor(
        private readonly request: (input: Input) => Promise<Result>,
        private readonly publish: (state: RequestState<Input, Result>) => void,
        private readonly pauseMs = TYPING_PAUSE_MS
    ) {}

    /** Asks once typing has paused; until then the previous result stays on show, marked as loading. */
    askSoon(input: Input): void {
        this.cancel();
        this.publish({ input, isLoading: true, result: this.lastResult });
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setTimeout(() => {
            // A failure is published to the component; nobody else waits for this answer.
            this.askNow(input).catch(() => undefined);
        }, this.pauseMs);
    }

    /** Asks straight away; resolves with the answer, or rejects with the error it also publishes. */
    async askNow(input: Input): Promise<Result> {
        this.cancel();
        const ticket = ++this.latestTicket;
        this.publish({ input, isLoading: true, result: this.lastResult });
        try {
            const result = await this.awaitRequest(input);
            if (ticket === this.latestTicket) {
                this.lastResult = result;
                this.publish({ input, isLoading: false, result });
            }
            return result;
        } catch (error) {
            if (ticket === this.latestTicket) {
                this.publish({ input, isLoading: false, result: this.lastResult, errors: [error] });
            }
            throw error;
        }
    }

    /**
     * Asks again without showing it: nothing is published until the answer comes, and a failure keeps
     * what is shown (the caller tries again later). Skipped while another request is awaited or waits for
     * typing to pause; a newer request drops its answer.
     */
    async refreshQuietly(input: Input): Promise<void> {
        if (this.awaited > 0 || this.timer !== undefined) return;
        const ticket = ++this.latestTicket;
        try {
            const result = await this.awaitRequest(input);
            if (ticket === this.latestTicket) {
                this.lastResult = result;
                this.publish({ input, isLoading: false, result, refreshed: true });
            }
        } catch {
            // Kept as shown.
        }
    }

    private async awaitRequest(input: Input): Promise<Result> {
        this.awaited++;
        try {
            return await this.request(input);
        } finally {
            this.awaited--;
        }
    }

    /** Drops the request waiting for typing to pause and any answer still to come. */
    cancel(): void {
        this.latestTicket++;
        if (this.timer !== undefined) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
    }
}
