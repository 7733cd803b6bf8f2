import { html } from './html';
import { CONTACT_LIST_PATH, renderDocument } from './layout';
import type { MessagePageView } from './viewModels';

/** A full-page message such as "Insufficient Privileges"; the server sends it with `view.status`. */
export function renderMessagePage(view: MessagePageView): string {
    return renderDocument({
        chrome: view,
        main: html`<section class="slds-box slds-theme_default slds-p-around_large" aria-labelledby="message-heading">
    <p class="slds-text-title slds-m-bottom_x-small">Error ${view.status}</p>
    <h1 id="message-heading" class="slds-text-heading_medium slds-m-bottom_small">${view.heading}</h1>
    <p class="slds-m-bottom_medium">${view.message}</p>
    <p><a href="${CONTACT_LIST_PATH}">Back to Contacts</a></p>
</section>`
    });
}
