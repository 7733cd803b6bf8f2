// Entry module of the record page (served as /preview/recordPage.js).
// Base components require synthetic shadow, and it must load before any component.
import '@lwc/synthetic-shadow';
import { mountQwilMessenger } from './qwilMessengerPanel';
import { wireRecordTabs } from './recordTabs';
import { showToasts } from './toasts';

showToasts(document.body);

const tabset = document.querySelector<HTMLElement>('[data-record-tabs]');
if (tabset) {
    wireRecordTabs(tabset, (panel) => {
        const qwilMessengerHost = panel.querySelector<HTMLElement>('[data-qwil-messenger-panel]');
        if (qwilMessengerHost) void mountQwilMessenger(qwilMessengerHost);
    });
}
