import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { SentMessage, StartedChat } from '../../contracts/QwilChatsController';
import type { ContactGroupsChange } from '../../contracts/QwilContactGroupsController';
import type { WriteClaim } from '../../contracts/exactlyOnce';
import { SETTLE_WINDOW_SECONDS } from '../../services/exactlyOnce';
import { createConnectorHarness, type ConnectorHarness } from '../../../../mock-org/testing/connectorHarness';
import { clientRecordId } from '../../../../mock-org/testing/finders';
import { useQwilServer } from '../../../../mock-org/testing/qwilServer';
import { DEMO } from '../../../../mock-org/qwil';
import { lateAnswers, type LateAnswers } from './lateAnswers';

// Every write the tab makes lands once in Qwil: under a double click, 20 concurrent identical
// requests, an answer that comes back after the callout timed out followed by Retry, and a server
// restart between the attempt and the retry. The calls go through the mock org's runtime to the
// mock Qwil, as the page makes them: claim an attempt with beginWrite, then the write with the claim.
const { serve } = useQwilServer();

let harness: ConnectorHarness;
let network: LateAnswers;

function startOrg(): void {
    network = lateAnswers();
    harness = createConnectorHarness({ transport: network.transport });
    serve(harness);
}

/** A new org process over the same Qwil: the org cache starts empty. */
function restartOrg(): void {
    harness = createConnectorHarness({ qwil: harness.qwil, transport: network.transport });
    serve(harness);
}

// The settle window is read from the clock; moving the clock forward stands for waiting it out.
const realNow = Date.now.bind(Date);
let clockAheadMs = 0;
const waitOutSettleWindow = (): void => {
    clockAheadMs += (SETTLE_WINDOW_SECONDS + 1) * 1000;
};
beforeEach(() => {
    clockAheadMs = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + clockAheadMs);
    startOrg();
});
afterEach(() => {
    jest.restoreAllMocks();
});

const recordId = (name: string) => clientRecordId(harness.org, name);

type Outcome<T> = { done: T } | { failed: string } | { checkAgainInSeconds: number };

/** One attempt as the page makes it: claim, then write with the claim. */
async function attempt<T>(
    className: string,
    methodName: string,
    params: Record<string, unknown>,
    idempotencyKey: string,
    retry: boolean
): Promise<Outcome<T>> {
    const { claim, checkAgainInSeconds } = (await harness.callApex('QwilConnectorController', 'beginWrite', {
        idempotencyKey,
        retry
    })) as WriteClaim;
    if (!claim) return { checkAgainInSeconds: checkAgainInSeconds ?? 0 };
    try {
        return {
            done: (await harness.callApex(className, methodName, {
                ...params,
                idempotencyKey,
                claim
            })) as T
        };
    } catch (error) {
        return { failed: (error as { body: { message: string } }).body.message };
    }
}

const snapshot = () => harness.qwil.control.snapshot();
const SEND_TEXT = 'chats/messages/send-text';

describe('sending a message', () => {
    const send = (text: string, key: string, retry = false) =>
        attempt<SentMessage>(
            'QwilChatsController',
            'sendMessage',
            {
                recordId: recordId('Eleanor Whitfield'),
                chatUuid: DEMO.chats.eleanorPortfolioReview,
                text,
                afterSeq: 0
            },
            key,
            retry
        );
    const copiesOf = (text: string) =>
        snapshot()
            .chats.find((chat) => chat.chat_uuid === DEMO.chats.eleanorPortfolioReview)
            ?.messages.filter((m) => m.text === text).length;

    it('a late Qwil answer followed by an immediate Retry posts the message once', async () => {
        const key = randomUUID();
        network.holdNext(SEND_TEXT);
        expect(await send('Late answer.', key)).toEqual({
            failed: expect.stringMatching(
                /^Qwil did not confirm the change, so it may still be made\. Retry first checks/
            )
        });
        expect(await send('Late answer.', key, true)).toHaveProperty('checkAgainInSeconds');
        await network.release();
        waitOutSettleWindow();
        expect(await send('Late answer.', key, true)).toMatchObject({ done: { message: { text: 'Late answer.' } } });
        expect(copiesOf('Late answer.')).toBe(1);
    });

    it('an answer lost after Qwil posted the message makes Retry answer that message', async () => {
        const key = randomUUID();
        network.loseNextAnswer(SEND_TEXT);
        expect(await send('Lost answer.', key)).toHaveProperty('failed');
        waitOutSettleWindow();
        expect(await send('Lost answer.', key, true)).toMatchObject({ done: { message: { text: 'Lost answer.' } } });
        expect(copiesOf('Lost answer.')).toBe(1);
    });

    it('a send that never reached Qwil is posted once its settle window has passed', async () => {
        const key = randomUUID();
        network.holdNext(SEND_TEXT);
        await send('Never arrived.', key);
        waitOutSettleWindow();
        expect(await send('Never arrived.', key, true)).toHaveProperty('done');
        expect(copiesOf('Never arrived.')).toBe(1);
    });

    it('a double click posts the message once', async () => {
        const key = randomUUID();
        const clicks = await Promise.all([send('Double click.', key), send('Double click.', key)]);
        expect(clicks.filter((click) => 'done' in click)).toHaveLength(1);
        expect(copiesOf('Double click.')).toBe(1);
    });

    it('20 concurrent identical sends post one message, and each later answers that message', async () => {
        const key = randomUUID();
        const sends = await Promise.all(Array.from({ length: 20 }, () => send('Twenty at once.', key)));
        const posted = sends.flatMap((outcome) => ('done' in outcome ? [outcome.done.message.seq] : []));
        expect(posted).toHaveLength(1);
        expect(copiesOf('Twenty at once.')).toBe(1);
        const again = await Promise.all(Array.from({ length: 20 }, () => send('Twenty at once.', key, true)));
        expect(again.map((outcome) => ('done' in outcome ? outcome.done.message.seq : outcome))).toEqual(
            Array.from({ length: 20 }, () => posted[0])
        );
        expect(copiesOf('Twenty at once.')).toBe(1);
    });

    it('a restart between the attempt and the retry posts the message once', async () => {
        const key = randomUUID();
        network.holdNext(SEND_TEXT);
        await send('Across a restart.', key);
        restartOrg();
        expect(await send('Across a restart.', key, true)).toHaveProperty('checkAgainInSeconds');
        await network.release();
        waitOutSettleWindow();
        expect(await send('Across a restart.', key, true)).toHaveProperty('done');
        expect(copiesOf('Across a restart.')).toBe(1);
    });
});

describe('starting a chat', () => {
    const start = (title: string, key: string, retry = false) =>
        attempt<StartedChat>(
            'QwilChatsController',
            'startChat',
            {
                recordId: recordId('Eleanor Whitfield'),
                title,
                staffEntityUserXrefUuids: [],
                text: 'Hello from the tab.'
            },
            key,
            retry
        );
    const chatsTitled = (title: string) => snapshot().chats.filter((chat) => chat.title === title);

    it('a late Qwil answer followed by Retry creates one chat, with its first message', async () => {
        const key = randomUUID();
        network.holdNext('chats/create');
        expect(await start('Late chat', key)).toHaveProperty('failed');
        expect(await start('Late chat', key, true)).toHaveProperty('checkAgainInSeconds');
        await network.release();
        waitOutSettleWindow();
        expect(await start('Late chat', key, true)).toHaveProperty('done');
        expect(chatsTitled('Late chat').map((chat) => chat.messages.length)).toEqual([1]);
    });

    it('20 concurrent identical starts create one chat', async () => {
        const key = randomUUID();
        await Promise.all(Array.from({ length: 20 }, () => start('Twenty chats?', key)));
        expect(chatsTitled('Twenty chats?')).toHaveLength(1);
    });

    it('a restart between the attempt and the retry creates one chat', async () => {
        const key = randomUUID();
        network.holdNext('chats/create');
        await start('Restarted chat', key);
        restartOrg();
        await start('Restarted chat', key, true);
        await network.release();
        waitOutSettleWindow();
        expect(await start('Restarted chat', key, true)).toHaveProperty('done');
        expect(chatsTitled('Restarted chat').map((chat) => chat.messages.length)).toEqual([1]);
    });
});

describe('creating a contact group', () => {
    const create = (name: string, key: string, retry = false) =>
        attempt<ContactGroupsChange>(
            'QwilContactGroupsController',
            'createContactGroup',
            { recordId: recordId('Eleanor Whitfield'), name, identifier: '', description: '' },
            key,
            retry
        );
    const groupsNamed = (name: string) => snapshot().groups.filter((group) => group.name === name);

    it('a late Qwil answer followed by Retry creates one group', async () => {
        const key = randomUUID();
        network.holdNext('groups/create');
        expect(await create('Late group', key)).toHaveProperty('failed');
        expect(await create('Late group', key, true)).toHaveProperty('checkAgainInSeconds');
        await network.release();
        waitOutSettleWindow();
        expect(await create('Late group', key, true)).toMatchObject({
            done: { message: expect.stringMatching(/^Late group is created/) }
        });
        expect(groupsNamed('Late group')).toHaveLength(1);
    });

    it('20 concurrent identical creations create one group', async () => {
        const key = randomUUID();
        await Promise.all(Array.from({ length: 20 }, () => create('Twenty groups?', key)));
        expect(groupsNamed('Twenty groups?')).toHaveLength(1);
    });

    it('a restart between the attempt and the retry creates one group', async () => {
        const key = randomUUID();
        network.holdNext('groups/create');
        await create('Restarted group', key);
        restartOrg();
        await create('Restarted group', key, true);
        await network.release();
        waitOutSettleWindow();
        expect(await create('Restarted group', key, true)).toHaveProperty('done');
        expect(groupsNamed('Restarted group')).toHaveLength(1);
    });
});

describe('inviting a client (Qwil refuses a second client with the same email or identifier)', () => {
    const invite = () =>
        harness.callApex('QwilConnectorController', 'inviteClient', {
            recordId: recordId('Thomas Okafor'),
            jobTitle: 'Client',
            invitationPhone: null,
            groupUuids: [DEMO.groups.whitfieldRelationship],
            newGroup: null
        });
    const thomases = () => snapshot().memberships.filter((m) => m.primary_email === 'thomas.okafor@example.com');

    it('20 concurrent identical invitations create one client', async () => {
        await Promise.allSettled(Array.from({ length: 20 }, invite));
        expect(thomases()).toHaveLength(1);
    });

    it('a late Qwil answer followed by an immediate Retry creates one client', async () => {
        network.loseNextAnswer('entity-memberships/create');
        await expect(invite()).rejects.toBeDefined();
        await invite();
        expect(thomases()).toHaveLength(1);
    });

    it('an invitation still on its way to Qwil when Retry is pressed creates one client', async () => {
        network.holdNext('entity-memberships/create');
        await expect(invite()).rejects.toBeDefined();
        await invite();
        await network.release();
        expect(thomases()).toHaveLength(1);
    });

    it('a restart between the attempt and the retry creates one client', async () => {
        network.loseNextAnswer('entity-memberships/create');
        await expect(invite()).rejects.toBeDefined();
        restartOrg();
        await invite();
        expect(thomases()).toHaveLength(1);
    });
});

describe('changing group membership', () => {
    const groupOf = (uuid: string) => snapshot().groups.find((group) => group.group_uuid === uuid);
    const addClientToGroup = () =>
        harness.callApex('QwilContactGroupsController', 'addClientToGroup', {
            recordId: recordId('Eleanor Whitfield'),
            groupUuid: DEMO.groups.advisoryDesk
        });
    const addStaff = () =>
        harness.callApex('QwilContactGroupsController', 'addStaffMembers', {
            recordId: recordId('Eleanor Whitfield'),
            groupUuid: DEMO.groups.whitfieldRelationship,
            staffEntityUserXrefUuids: [DEMO.staff.jamesPatel]
        });

    it('a late Qwil answer followed by Retry adds the client to a group once, and the Retry answers the change', async () => {
        network.loseNextAnswer('groups/group-members/create');
        await expect(addClientToGroup()).rejects.toBeDefined();
        await expect(addClientToGroup()).resolves.toMatchObject({ message: expect.stringMatching(/is now in/) });
        expect(
            groupOf(DEMO.groups.advisoryDesk)?.member_xref_uuids.filter(
                (uuid) => uuid === DEMO.clients.eleanorWhitfield
            )
        ).toHaveLength(1);
    });

    it('20 concurrent identical staff additions add the staff member once', async () => {
        await Promise.allSettled(Array.from({ length: 20 }, addStaff));
        expect(
            groupOf(DEMO.groups.whitfieldRelationship)?.member_xref_uuids.filter(
                (uuid) => uuid === DEMO.staff.jamesPatel
            )
        ).toHaveLength(1);
    });
});
