// `lightning/platformShowToastEvent` for the preview: the record page (mock-org/ui/toasts.ts)
// shows the toast, as Lightning Experience does for events that reach it.

export const SHOW_TOAST_EVENT_NAME = 'lightning__showtoast';

export type ToastVariant = 'info' | 'success' | 'warning' | 'error';
export type ToastMode = 'dismissible' | 'pester' | 'sticky';

/** A `messageData` entry: plain text, or a link with its label. */
export type ToastMessageData = string | { url: string; label: string };

export interface ShowToastDetail {
    title?: string;
    message?: string;
    /** Values for the `{0}`, `{1}`… placeholders in `message`. */
    messageData?: ToastMessageData[];
    variant?: ToastVariant;
    mode?: ToastMode;
}

export class ShowToastEvent extends CustomEvent<ShowToastDetail> {
    constructor(detail: ShowToastDetail) {
        super(SHOW_TOAST_EVENT_NAME, { bubbles: true, composed: true, cancelable: true, detail });
    }
}
