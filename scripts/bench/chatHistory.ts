import { performance } from 'node:perf_hooks';
import { setupServer } from 'msw/node';
import type { ChatListPage, MessagePage, OpenedChat } from '../../force-app/server/contracts/QwilChatsController';
import { MESSAGE_PAGE_SIZE } from '../../force-app/server/services/chatsHistory';
import { MessageWindow } from '../../force-app/main/default/lwc/qwilChatConversation/messageWindow';
import { DEMO } from '../../mock-org/qwil';
import { arrangeInQwil } from '../../mock-org/testing/arrangeInQwil';
import { createConnectorHarness, type ConnectorHarness } from '../../mock-org/testing/connectorHarness';
import { qwilChat, recordIdByName } from '../../mock-org/testing/finders';
import { recordCallouts } from './calloutTimeline';

// A 10,000-message chat on the Chats page: the server round trips and Qwil callouts to show its
// first page, and the messages in the page after scrolling back 1,000 messages. The Chats page
// opens inside the tab, so the tab's first view (which maps the user to their Qwil staff account)
// comes first; nothing of the chats is cached before the list. The messages in
// the page are counted through the component's own window logic (MessageWindow, the class that
// decides which messages the template renders, one <li> each), not by rendering in a browser.
// Sequential Qwil waits: see calloutTimeline.ts. Every mock Qwil call is delayed by
// CALLOUT_LATENCY_MS so that callouts the connector runs at once really overlap.
// Run: npm run bench:chats

const CHAT_LENGTH = 10_000;
const SCROLL_BACK = 1_000;
const CALLOUT_LATENCY_MS = 20;

interface Step {
    readonly step: string;
    readonly roundTrips: number;
    readonly qwilCallouts: number;
    readonly sequentialWaits: number;
    readonly milliseconds: number;
}

/** Olivia's chat with Eleanor, created in Qwil directly so that the connector starts cold. */
async function createChatInQwil(harness: ConnectorHarness): Promise<string> {
    const olivia = (path: string, body: unknown) =>
        arrangeInQwil(harness).asMember(DEMO.staff.oliviaHart, path, body) as Promise<{ chat?: { chat_uuid: string } }>;
    const chatUuid = (
        await olivia('chats/create', {
            title: 'Ten thousand messages',
            entity_user_xref_uuids: [DEMO.clients.eleanorWhitfield]
        })
    ).chat?.chat_uuid;
    if (!chatUuid) throw new Error('The mock Qwil did not create the chat');
    await olivia('chats/messages/send-text', { chat_uuid: chatUuid, text: 'Generated message 1' });
    return chatUuid;
}

async function main(): Promise<void> {
    const harness = createConnectorHarness();
    const server = setupServer(...harness.qwil.handlers);
    const timeline = recordCallouts(server.events);
    server.listen({ onUnhandledRequest: 'error' });
    const steps: Step[] = [];
    const recordId = recordIdByName(harness.org, 'Contact', 'Eleanor Whitfield');
    const call = async <T>(method: string, params: Record<string, unknown>): Promise<T> =>
        (await harness.callApex('QwilChatsController', method, { recordId, ...params })) as T;
    const measure = async <T>(step: string, roundTrips: number, work: () => Promise<T>): Promise<T> => {
        timeline.reset();
        const started = performance.now();
        const result = await work();
        steps.push({
            step,
            roundTrips,
            qwilCallouts: timeline.callouts,
            sequentialWaits: timeline.sequentialWaits,
            milliseconds: Math.round(performance.now() - started)
        });
        return result;
    };

    try {
        const chatUuid = await createChatInQwil(harness);
        harness.qwil.control.generateMessages({ chatUuid, count: CHAT_LENGTH - 1 });
        harness.qwil.control.injectFault({ latencyMs: CALLOUT_LATENCY_MS });

        await measure('open the tab (loadTab, before the Chats page)', 1, () =>
            harness.callApex('QwilConnectorController', 'loadTab', { recordId })
        );
        const list = await measure('list the chats, cold (listChats)', 1, () =>
            call<ChatListPage>('listChats', { cursor: null })
        );
        const opened = await measure('open the chat: newest page (openChat)', 1, () =>
            call<OpenedChat>('openChat', { chatUuid })
        );
        const window = new MessageWindow();
        window.showLatest(opened);

        const pages = Math.ceil(SCROLL_BACK / MESSAGE_PAGE_SIZE);
        await measure(`scroll back ${SCROLL_BACK} messages (${pages} × loadOlderMessages)`, pages, async () => {
            for (let page = 0; page < pages; page += 1) {
                const cursor = window.olderCursor;
                if (!cursor) throw new Error('The chat ended before 1,000 messages were scrolled back');
                window.addOlder(await call<MessagePage>('loadOlderMessages', { chatUuid, cursor }));
            }
        });

        const chatLength = qwilChat(harness.qwil, chatUuid)?.messages.length ?? 0;
        const firstShown = window.messages[0]?.seq ?? 0;
        console.log(
            `Chat of ${chatLength} messages (listed first: ${list.chats[0]?.title ?? 'none'}); every mock Qwil call delayed ${CALLOUT_LATENCY_MS} ms.`
        );
        console.table(steps);
        const firstView = steps.slice(1, 3);
        console.log(
            `Chats page, first view: ${firstView.reduce((sum, s) => sum + s.roundTrips, 0)} server round trips, ${firstView.reduce((sum, s) => sum + s.qwilCallouts, 0)} Qwil callouts, ${firstView.reduce((sum, s) => sum + s.sequentialWaits, 0)} sequential Qwil waits, ${opened.messages.length} messages (${((opened.messages.length / chatLength) * 100).toFixed(1)}% of the chat).`
        );
        console.log(
            `After scrolling back ${SCROLL_BACK} messages: ${window.messages.length} message elements in the page (messages ${firstShown}–${window.newestSeq}), ` +
                `${(window.messages.length / (SCROLL_BACK + opened.messages.length)).toFixed(2)} per message loaded, ${((window.messages.length / chatLength) * 100).toFixed(1)}% of the chat; ` +
                `at the newest end: ${window.atNewest ? 'yes' : 'no (Show latest messages is offered)'}.`
        );
    } finally {
        server.close();
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
