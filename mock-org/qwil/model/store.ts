import type { QwilState } from './types';

/**
 * Holds the state. Every change runs on a clone that replaces the state only when the change
 * completes, so a request that fails part-way (a rule, a missing record) changes nothing.
 */
export class QwilStore {
    constructor(
        private state: QwilState,
        private readonly onChange: (state: QwilState) => void
    ) {}

    read(): QwilState {
        return this.state;
    }

    transact<T>(change: (draft: QwilState) => T): T {
        const draft = structuredClone(this.state);
        const result = change(draft);
        this.state = draft;
        this.onChange(draft);
        return result;
    }

    replace(state: QwilState): void {
        this.state = state;
        this.onChange(state);
    }
}
