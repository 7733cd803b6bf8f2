import type { QwilState } from '../model/types';

/** What an operation works on: one organisation's part of the state, at one moment. */
export interface Scope {
    state: QwilState;
    entityUuid: string;
    /** ISO time of the change. */
    now: string;
}
