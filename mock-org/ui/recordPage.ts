// Entry module of the record page (served as /preview/recordPage.js).
// Base components require synthetic shadow, and it must load before any component.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import { createQwilMessengerPanel } from './qwilMessengerPanel';
import { wireRecordTabs } from './recordTabs';
import { showToasts } from './toasts';

// How long the page waits for an idle moment before loading the Qwil Messenger code anyway.
const PRELOAD_IDLE_TIMEOUT_MS = 2_000;

// The component's code is a separate chunk, so the record page does not wait for it and the base components it uses.
const qwilMessengerPanel = createQwilMessengerPanel(async () => {
    const { default: QwilChatTabsMenu } = await import('c/qwilChatTabsMenu');
    return (recordId, objectApiName) => {
        const element = createElement('c-qwil-chat-tabs-menu', { is: QwilChatTabsMenu });
        element.recordId = recordId;
        element.objectApiName = objectApiName;
        return element;
    };
});

showToasts(document.body);

const tabset = document.querySelector<HTMLElement>('[data-record-tabs]');
if (tabset) {
    wireRecordTabs(tabset, (panel) => {
        const qwilMessengerHost = panel.querySelector<HTMLElement>('[data-qwil-messenger-panel]');
        if (qwilMessengerHost) void qwilMessengerPanel.mount(qwilMessengerHost);
    });
}

// The tab stays empty until it is opened; only its code is loaded while the page is idle.
// A failure here is shown when the tab is opened, which tries again.
if (document.querySelector('[data-qwil-messenger-panel]')) {
    requestIdleCallback(() => qwilMessengerPanel.preload().catch(() => undefined), {
        timeout: PRELOAD_IDLE_TIMEOUT_MS
    });
}
