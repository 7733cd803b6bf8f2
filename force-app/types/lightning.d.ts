// Ambient declarations for the `c/*` and `lightning/*` modules components import. The platform
// resolves them by namespace; the `c/*` ones point tsc at the TypeScript source. Base components
// used in templates only need no declaration.

declare module 'c/qwilLdsUtils' {
    export const reduceErrors: typeof import('../main/default/lwc/qwilLdsUtils/qwilLdsUtils').reduceErrors;
}

declare module 'c/qwilChatParticipants' {
    export const participantsLabel: typeof import('../main/default/lwc/qwilChatParticipants/qwilChatParticipants').participantsLabel;
}
declare module 'c/qwilDebouncedRequest' {
    type Module = typeof import('../main/default/lwc/qwilDebouncedRequest/qwilDebouncedRequest');
    export type RequestState<Input, Result> =
        import('../main/default/lwc/qwilDebouncedRequest/qwilDebouncedRequest').RequestState<Input, Result>;
    export const DebouncedRequest: Module['DebouncedRequest'];
    export type DebouncedRequest<Input, Result> =
        import('../main/default/lwc/qwilDebouncedRequest/qwilDebouncedRequest').DebouncedRequest<Input, Result>;
    export const TYPING_PAUSE_MS: Module['TYPING_PAUSE_MS'];
}
declare module 'c/qwilLivePoll' {
    type Module = typeof import('../main/default/lwc/qwilLivePoll/qwilLivePoll');
    export type PollReason = import('../main/default/lwc/qwilLivePoll/qwilLivePoll').PollReason;
    export const POLL_INTERVAL_MS: Module['POLL_INTERVAL_MS'];
    export const subscribeToPoll: Module['subscribeToPoll'];
}

declare module 'c/qwilGroupNames' {
    export const freeName: typeof import('../main/default/lwc/qwilGroupNames/qwilGroupNames').freeName;
}

declare module 'c/qwilExactlyOnce' {
    type Module = typeof import('../main/default/lwc/qwilExactlyOnce/qwilExactlyOnce');
    export const OnceAction: Module['OnceAction'];
    export type OnceAction = import('../main/default/lwc/qwilExactlyOnce/qwilExactlyOnce').OnceAction;
    export const checkingNotice: Module['checkingNotice'];
}

declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastDetail {
        title?: string;
        message?: string;
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
    }
    /** Lightning Experience shows it as a toast; it bubbles and is composed. */
    export class ShowToastEvent extends CustomEvent<ShowToastDetail> {
        constructor(toast: ShowToastDetail);
    }
}
