// Mounts the connector's component into the Qwil Messenger tab the first time that tab opens;
// Lightning also creates a tab's components only when the tab is first shown.

import { createElement } from 'lwc';

const LOAD_FAILED_MESSAGE = 'The Qwil Messenger component could not be loaded. Reload the page to try again.';

function showLoadFailure(host: HTMLElement): void {
    const message = document.createElement('p');
    message.className = 'slds-text-color_error slds-p-around_medium';
    message.setAttribute('role', 'alert');
    message.textContent = LOAD_FAILED_MESSAGE;
    host.replaceChildren(message);
}

export async function mountQwilMessenger(host: HTMLElement): Promise<void> {
    if (host.dataset['mounted'] !== undefined) return;
    host.dataset['mounted'] = '';
    host.setAttribute('aria-busy', 'true');
    try {
        // Loaded on demand, so the record page does not wait for the component and the base components it uses.
        const { default: QwilChatTabsMenu } = await import('c/qwilChatTabsMenu');
        const element = createElement('c-qwil-chat-tabs-menu', { is: QwilChatTabsMenu });
        element.recordId = host.dataset['recordId'];
        element.objectApiName = host.dataset['objectApiName'];
        host.replaceChildren(element);
    } catch (error) {
        console.error(error);
        showLoadFailure(host);
    } finally {
        host.removeAttribute('aria-busy');
    }
}
