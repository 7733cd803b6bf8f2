// The anti-forgery token every page carries, as Salesforce's pages do: Setup forms post it in a
// hidden field (Salesforce's `_CONFIRMATIONTOKEN`), and the Apex client reads it from the page and
// sends it as a header, as Aura sends its `aura.token` with every action.
import { html, type SafeHtml } from './html';

export const CSRF_FORM_FIELD = '_CONFIRMATIONTOKEN';
export const CSRF_HEADER = 'X-CSRF-Token';
export const CSRF_META_NAME = 'csrf-token';

/** The hidden field every state-changing form carries. */
export function csrfField(token: string): SafeHtml {
    return html`<input type="hidden" name="${CSRF_FORM_FIELD}" value="${token}">`;
}
