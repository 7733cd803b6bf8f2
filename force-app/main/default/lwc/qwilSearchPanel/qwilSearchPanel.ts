import { LightningElement, api } from 'lwc';
import { DebouncedRequest, type RequestState } from 'c/qwilDebouncedRequest';

/** What the panel tells its owner: the term searched for, and the newest answer (none before the first, or once cleared). */
export interface SearchResults<Result> {
    term: string;
    results?: Result[];
}

/**
 * The search box every server search of the tab uses: asks once typing pauses, only the answer to
 * the newest term counts (c/qwilDebouncedRequest), a spinner while asking, the error panel with
 * Retry, the owner's results in the default slot while `showResults`, else `emptyMessage`.
 * Fires `results` (detail: SearchResults, does not bubble) whenever the term or its answer changes.
 */
export default class QwilSearchPanel extends LightningElement {
    @api label?: string;
    /** Names the spinner, e.g. "Searching staff". */
    @api searchingLabel?: string;
    /** What failed, in the user's terms, e.g. "Staff could not be searched". */
    @api errorMessage?: string;
    /** Shown once an answer has come and the owner has nothing to list. */
    @api emptyMessage?: string;
    /** Whether the owner has something to list in the slot. */
    @api showResults = false;
    /** Searches with an empty term as soon as the panel opens (lists everything there is). */
    @api searchOnOpen = false;
    /** The server search; the panel decides when to call it. */
    @api searcher?: (term: string) => Promise<unknown[]>;

    term = '';
    state?: RequestState<string, unknown[]>;

    private readonly request = new DebouncedRequest<string, unknown[]>(
        (term) => (this.searcher ? this.searcher(term) : Promise.resolve([])),
        (state) => this.publish(state)
    );

    override connectedCallback(): void {
        if (this.searchOnOpen) {
            this.askNow();
        }
    }

    override disconnectedCallback(): void {
        this.request.cancel();
    }

    get isSearching(): boolean {
        return this.state?.isLoading ?? false;
    }

    get errors(): unknown[] | undefined {
        return this.state?.errors;
    }

    get hasAnswer(): boolean {
        return this.state?.result !== undefined;
    }

    handleSearch(event: CustomEvent<{ value: string }>): void {
        this.term = event.detail.value ?? '';
        // Without a term and without a list of everything, there is nothing to ask.
        if (!this.searchOnOpen && this.term.trim() === '') {
            this.request.cancel();
            this.publish(undefined);
            return;
        }
        this.request.askSoon(this.term);
    }

    handleRetry(): void {
        this.askNow();
    }

    private askNow(): void {
        // A failure is shown in the error panel.
        this.request.askNow(this.term).catch(() => undefined);
    }

    private publish(state: RequestState<string, unknown[]> | undefined): void {
        this.state = state;
        const detail: SearchResults<unknown> = { term: state?.input ?? this.term, results: state?.result };
        this.dispatchEvent(new CustomEvent('results', { detail }));
    }
}
