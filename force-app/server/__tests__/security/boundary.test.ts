import { randomUUID } from 'node:crypto';
import type { ChatListPage, OpenedChat, StartedChat } from '../../contracts/QwilChatsController';
import type { WriteClaim } from '../../contracts/exactlyOnce';
import type { ContactGroupsView, JoinableGroups } from '../../contracts/QwilContactGroupsController';
import type { GroupOptions, TabState } from '../../contracts/QwilConnectorController';
import { EMAIL_ON_UNREADABLE_RECORD, LINKED_TO_UNREADABLE_RECORD } from '../../services/clientLookup';
import { apexErrorMessage, useQwilServer } from '../../../../mock-org/testing/qwilServer';
import { createConnectorHarness, type ConnectorHarness } from '../../../../mock-org/testing/connectorHarness';
import { DEMO } from '../../../../mock-org/qwil';
import { arrangeInQwil } from '../../../../mock-org/testing/arrangeInQwil';
import { qwilGroupMembers, recordIdByName } from '../../../../mock-org/testing/finders';

// The boundary rule, attacked as James Patel (Standard User; owns Hannah Lindqvist and George
// Adeyemi) against Olivia Hart's clients (Eleanor Whitfield, Marcus Bennett, Priya Raman, Charlotte
// Dubois), whose Salesforce records he cannot read. Every call goes through the mock org's runtime
// and the mock Qwil. Each refusal must come before any Qwil write and never name the hidden client.
const { groups: G, staff: S, clients: C } = DEMO;
const JAMES = 'james.patel@harbourwealth.example';
const HIDDEN_NAMES = /Eleanor|Whitfield|Marcus|Bennett|Priya|Raman|Charlotte|Dubois/;

const { requests, serve } = useQwilServer();

let harness: ConnectorHarness;
function useHarness(settings?: Record<string, string>): void {
    harness = createConnectorHarness(settings ? { settings } : {});
    serve(harness);
    harness.runAs(JAMES);
}
beforeEach(() => useHarness());

const recordId = (name: string) => recordIdByName(harness.org, 'Contact', name);
const HANNAH = () => recordId('Hannah Lindqvist');
const qwilWrites = () => requests.filter((request) => request.startsWith('POST'));
const snapshot = () => harness.qwil.control.snapshot();
const membersOf = (groupUuid: string) => qwilGroupMembers(harness.qwil, groupUuid);

/** Arranges Qwil data directly, as a Qwil administrator (or another connector user) would; not counted as the attack's requests. */
async function inQwil(path: string, body: object, onBehalfOf?: string): Promise<unknown> {
    const qwil = arrangeInQwil(harness);
    const answer = await (onBehalfOf ? qwil.asMember(onBehalfOf, path, body) : qwil.system(path, body));
    requests.length = 0;
    return answer;
}

/** Gives James a client of his own who is not on Qwil yet (the seeded Thomas Okafor, reassigned). */
function jamesOwnsThomas(): string {
    const thomas = recordId('Thomas Okafor');
    harness.org.records.update(thomas, { OwnerId: harness.org.requireUser(JAMES).Id });
    return thomas;
}

/** Starts a chat as the page does: claim the attempt with beginWrite, then start it with the claim. */
async function startChat(staffEntityUserXrefUuids: string[]): Promise<unknown> {
    const idempotencyKey = randomUUID();
    const { claim } = (await harness.callApex('QwilConnectorController', 'beginWrite', {
        idempotencyKey,
        retry: false
    })) as WriteClaim;
    requests.length = 0;
    return harness.callApex('QwilChatsController', 'startChat', {
        recordId: HANNAH(),
        title: '',
        staffEntityUserXrefUuids,
        text: 'Hello all',
        idempotencyKey,
        claim
    });
}

/** Active staff members added in Qwil (invited, then accepted), more than the server looks up one by one. */
async function moreActiveStaff(count: number): Promise<string[]> {
    const uuids: string[] = [];
    for (let index = 0; index < count; index += 1) {
        const { entity_membership } = (await inQwil('entity-memberships/create', {
            first_name: 'Extra',
            last_name: `Staff ${index}`,
            job_title: 'Adviser',
            primary_email: `extra.staff.${index}@harbourwealth.example`,
            role: 'staff',
            created_by_entity_user_xref_uuid: S.sofiaReyes
        })) as { entity_membership: { entity_user_xref_uuid: string } };
        harness.qwil.control.acceptInvitation(entity_membership.entity_user_xref_uuid);
        uuids.push(entity_membership.entity_user_xref_uuid);
    }
    return uuids;
}
const STAFF_LOOKUP = 'GET /entity-service/sys-api/entity-memberships';
const STAFF_LIST = 'GET /entity-service/sys-api/entity-memberships/list';

describe('start a chat', () => {
    it("a staff user cannot start a chat with another owner's client", async () => {
        const chatsBefore = snapshot().chats.length;
        const message = await apexErrorMessage(startChat([C.eleanorWhitfield]));
        expect(message).toMatch(/^Only active staff members of your Qwil organisation can be added/);
        expect(message).not.toMatch(HIDDEN_NAMES);
        expect(qwilWrites()).toEqual([]);
        expect(snapshot().chats).toHaveLength(chatsBefore);
    });

    it("a staff user cannot slip another owner's client in among many staff members", async () => {
        const staff = await moreActiveStaff(11);
        const chatsBefore = snapshot().chats.length;
        const message = await apexErrorMessage(startChat([...staff, C.eleanorWhitfield]));
        expect(message).toMatch(/^Only active staff members of your Qwil organisation can be added/);
        expect(message).not.toMatch(HIDDEN_NAMES);
        expect(qwilWrites()).toEqual([]);
        expect(snapshot().chats).toHaveLength(chatsBefore);
    });

    it("more than 20 staff members are checked against Qwil's list of active staff, not one lookup each", async () => {
        const staff = await moreActiveStaff(25);
        const { chatUuid } = (await startChat(staff)) as StartedChat;
        const chat = snapshot().chats.find((candidate) => candidate.chat_uuid === chatUuid);
        expect(chat?.participants.map((participant) => participant.entity_user_xref_uuid)).toEqual(
            expect.arrayContaining([S.jamesPatel, C.hannahLindqvist, ...staff])
        );
        expect(requests.filter((request) => request === STAFF_LIST).length).toBeGreaterThan(0);
        expect(requests.filter((request) => request === STAFF_LOOKUP).length).toBeLessThan(staff.length);
    });
});

describe('invite a client', () => {
    const invite = (overrides: Record<string, unknown>) =>
        harness.callApex('QwilConnectorController', 'inviteClient', {
            recordId: jamesOwnsThomas(),
            jobTitle: 'Client',
            invitationPhone: null,
            groupUuids: [],
            newGroup: null,
            ...overrides
        });
    const thomasInQwil = () =>
        snapshot().memberships.filter((membership) => membership.primary_email === 'thomas.okafor@example.com');

    it("a staff user cannot put another owner's client into a new group as its staff", async () => {
        const message = await apexErrorMessage(
            invite({
                newGroup: { name: 'Okafor Relationship', staffEntityUserXrefUuids: [S.jamesPatel, C.eleanorWhitfield] }
            })
        );
        expect(message).toMatch(/^Only active staff members of your Qwil organisation can be added/);
        expect(message).not.toMatch(HIDDEN_NAMES);
        expect(qwilWrites()).toEqual([]);
        expect(thomasInQwil()).toEqual([]);
    });

    it("a staff user cannot invite a client into a group of another owner's clients by its id", async () => {
        const message = await apexErrorMessage(invite({ groupUuids: [G.whitfieldRelationship] }));
        expect(message).toMatch(/^One of the chosen groups has clients you cannot see in Salesforce/);
        expect(qwilWrites()).toEqual([]);
        expect(membersOf(G.whitfieldRelationship)).toEqual([S.oliviaHart, C.eleanorWhitfield, C.marcusBennett]);
        expect(thomasInQwil()).toEqual([]);
    });

    it("the invite's existing groups list no group holding another owner's clients", async () => {
        const thomas = jamesOwnsThomas();
        const { groups } = (await harness.callApex('QwilConnectorController', 'searchInviteGroups', {
            recordId: thomas,
            search: ''
        })) as GroupOptions;
        expect(groups.map((group) => group.name).sort()).toEqual([
            'Adeyemi Relationship',
            'Advisory Desk',
            'Lindqvist Relationship'
        ]);
    });
});

describe('join a group', () => {
    it("the join picker offers no group holding another owner's clients", async () => {
        const { groups } = (await harness.callApex('QwilContactGroupsController', 'searchJoinableGroups', {
            recordId: HANNAH(),
            search: ''
        })) as JoinableGroups;
        expect(groups.map((group) => group.name).sort()).toEqual(['Adeyemi Relationship', 'Advisory Desk']);
    });

    it('the join picker applies the rule with Client Lookup Type Email too', async () => {
        useHarness({ Client_Lookup_Type__c: 'Email' });
        const { groups } = (await harness.callApex('QwilContactGroupsController', 'searchJoinableGroups', {
            recordId: HANNAH(),
            search: 'Relationship'
        })) as JoinableGroups;
        expect(groups.map((group) => group.name)).toEqual(['Adeyemi Relationship']);
    });

    it("a staff user cannot add their client to a group of another owner's clients by its id", async () => {
        const message = await apexErrorMessage(
            harness.callApex('QwilContactGroupsController', 'addClientToGroup', {
                recordId: HANNAH(),
                groupUuid: G.whitfieldRelationship
            })
        );
        expect(message).toMatch(/^This group also has 2 clients you cannot see in Salesforce/);
        expect(message).not.toMatch(HIDDEN_NAMES);
        expect(qwilWrites()).toEqual([]);
        expect(membersOf(G.whitfieldRelationship)).not.toContain(C.hannahLindqvist);
    });
});

describe("a group that holds the viewed client and another owner's clients", () => {
    // Someone with access to both (or Qwil itself) put Hannah into Whitfield Relationship.
    beforeEach(() =>
        inQwil('groups/group-members/create', {
            group_uuid: G.whitfieldRelationship,
            entity_user_xref_uuids: [C.hannahLindqvist]
        })
    );
    const onHannah = (method: string, params: Record<string, unknown>) =>
        harness.callApex('QwilContactGroupsController', method, {
            recordId: HANNAH(),
            groupUuid: G.whitfieldRelationship,
            ...params
        });

    it("the client's group list withholds its name, identifier and description, counting the hidden clients", async () => {
        const view = (await harness.callApex('QwilContactGroupsController', 'loadContactGroups', {
            recordId: HANNAH()
        })) as ContactGroupsView;
        expect(view.groups).toEqual([
            expect.objectContaining({ name: 'Lindqvist Relationship', hiddenClientCount: 0 }),
            {
                groupUuid: G.whitfieldRelationship,
                name: 'A group with 2 clients you cannot see in Salesforce',
                identifier: null,
                description: null,
                memberCount: 4,
                activeStaffCount: 1,
                hiddenClientCount: 2
            }
        ]);
        const json = JSON.stringify(view);
        expect(json).not.toMatch(/WhitfieldRelationship|Whitfield Family Office|trustee/);
        expect(json).not.toMatch(HIDDEN_NAMES);
        expect(json).not.toContain(C.eleanorWhitfield);
        expect(json).not.toContain(C.marcusBennett);
        expect(qwilWrites()).toEqual([]);
    });

    it('a staff user cannot open it: no names, statuses or uuids of the other clients', async () => {
        const message = await apexErrorMessage(onHannah('openContactGroup', {}));
        expect(message).toBe(
            'This group also has 2 clients you cannot see in Salesforce, so Qwil Messenger will not show or change it here. Ask the owner of those client records, or your administrator, to manage it.'
        );
    });

    it.each([
        ['add staff to it', 'addStaffMembers', { staffEntityUserXrefUuids: [S.jamesPatel] }],
        ['take staff out of it', 'removeStaffMember', { entityUserXrefUuid: S.oliviaHart }],
        ['rename it', 'updateContactGroup', { name: 'Renamed', identifier: '', description: '' }],
        ['delete it', 'deleteContactGroup', {}],
        ['take the client out of it', 'removeClientFromGroup', {}]
    ])('a staff user cannot %s', async (_action, method, params) => {
        const before = snapshot().groups.find((group) => group.group_uuid === G.whitfieldRelationship);
        expect(await apexErrorMessage(onHannah(method, params))).toMatch(
            /^This group also has 2 clients you cannot see in Salesforce/
        );
        expect(qwilWrites()).toEqual([]);
        expect(snapshot().groups.find((group) => group.group_uuid === G.whitfieldRelationship)).toEqual(before);
    });
});

describe('add staff to a group', () => {
    it('a staff user cannot add a client to a group as staff', async () => {
        const add = harness.callApex('QwilContactGroupsController', 'addStaffMembers', {
            recordId: HANNAH(),
            groupUuid: G.lindqvistRelationship,
            staffEntityUserXrefUuids: [C.eleanorWhitfield]
        });
        const message = await apexErrorMessage(add);
        expect(message).toMatch(/^Only active staff members of your Qwil organisation can be added/);
        expect(message).not.toMatch(HIDDEN_NAMES);
        expect(qwilWrites()).toEqual([]);
        expect(membersOf(G.lindqvistRelationship)).toEqual([S.jamesPatel, C.hannahLindqvist]);
    });
});

describe('chat participants', () => {
    let chatUuid: string;
    beforeEach(async () => {
        // A chat Olivia started with Hannah (whom she may read) and Eleanor; James takes part.
        const created = (await inQwil(
            'chats/create',
            { title: 'Joint review', entity_user_xref_uuids: [C.hannahLindqvist, C.eleanorWhitfield, S.jamesPatel] },
            S.oliviaHart
        )) as { chat: { chat_uuid: string } };
        chatUuid = created.chat.chat_uuid;
        await inQwil('chats/messages/send-text', { chat_uuid: chatUuid, text: 'Welcome both' }, S.oliviaHart);
        await inQwil(
            'chats/messages/send-text',
            { chat_uuid: chatUuid, text: 'Thank you, Olivia' },
            C.eleanorWhitfield
        );
    });

    it('the chat list counts a client the user cannot read and never names them', async () => {
        const page = (await harness.callApex('QwilChatsController', 'listChats', {
            recordId: HANNAH(),
            cursor: null
        })) as ChatListPage;
        const chat = page.chats.find((candidate) => candidate.chatUuid === chatUuid);
        expect(chat?.participants.map((p) => p.name)).toEqual(['Olivia Hart', 'Hannah Lindqvist', 'James Patel']);
        expect(chat?.hiddenClientCount).toBe(1);
        expect(JSON.stringify(page)).not.toContain(C.eleanorWhitfield);
        expect(JSON.stringify(page)).not.toMatch(HIDDEN_NAMES);
    });

    it("an opened chat attributes a hidden client's message without their name or uuid", async () => {
        const opened = (await harness.callApex('QwilChatsController', 'openChat', {
            recordId: HANNAH(),
            chatUuid
        })) as OpenedChat;
        expect(opened.chat.hiddenClientCount).toBe(1);
        expect(opened.messages.map((m) => m.sender.name)).toEqual([
            'Olivia Hart',
            'A client you cannot see in Salesforce'
        ]);
        const json = JSON.stringify(opened);
        expect(json).not.toContain(C.eleanorWhitfield);
        expect(json.replace('Thank you, Olivia', '')).not.toMatch(HIDDEN_NAMES);
    });

    it.each(['pdf', 'zip'])(
        'a staff user cannot export (%s) a chat that names a client they cannot read',
        async (format) => {
            harness.qwil.control.setKeyPermissions({ key: harness.apiKey, canExportData: true });
            const message = await apexErrorMessage(
                harness.callApex('QwilChatsController', 'exportChat', { recordId: HANNAH(), chatUuid, format })
            );
            expect(message).toMatch(
                /^This chat includes 1 client you cannot see in Salesforce, and Qwil's export would name them/
            );
            expect(requests.filter((request) => request.includes('/chats/export/'))).toEqual([]);
        }
    );
});

describe("Client Lookup Type Email: a record carrying another owner's client's email", () => {
    // James may create Contacts: he gives one of his own Eleanor Whitfield's email, which is not unique in Salesforce.
    const ELEANOR_EMAIL = 'eleanor.whitfield@example.com';
    let twin: string;
    beforeEach(() => {
        useHarness({ Client_Lookup_Type__c: 'Email' });
        twin = harness.org.records.insert('Contact', {
            FirstName: 'Eleanor',
            LastName: 'Twin',
            Email: ELEANOR_EMAIL,
            OwnerId: harness.org.requireUser(JAMES).Id
        }).Id;
    });
    /** Her own record no longer holds that email (changed by Olivia); her Qwil account still names it in its identifier. */
    const eleanorsRecordEmailChanged = () =>
        harness.org.records.update(recordId('Eleanor Whitfield'), { Email: 'eleanor@whitfield-office.example' });

    it.each([
        ['open the tab on it', 'QwilConnectorController', 'loadTab', {}],
        ['list her chats through it', 'QwilChatsController', 'listChats', { cursor: null }],
        ['list her contact groups through it', 'QwilContactGroupsController', 'loadContactGroups', {}]
    ])('a staff user cannot %s while her own record holds the email', async (_action, className, method, params) => {
        const message = await apexErrorMessage(harness.callApex(className, method, { recordId: twin, ...params }));
        expect(message).toBe(EMAIL_ON_UNREADABLE_RECORD);
        expect(message).not.toMatch(HIDDEN_NAMES);
        expect(qwilWrites()).toEqual([]);
    });

    it.each([
        ['open the tab on it', 'QwilConnectorController', 'loadTab', {}],
        ['list her chats through it', 'QwilChatsController', 'listChats', { cursor: null }],
        ['list her contact groups through it', 'QwilContactGroupsController', 'loadContactGroups', {}]
    ])(
        'a staff user cannot %s when her Qwil account names her own record',
        async (_action, className, method, params) => {
            eleanorsRecordEmailChanged();
            const message = await apexErrorMessage(harness.callApex(className, method, { recordId: twin, ...params }));
            expect(message).toBe(LINKED_TO_UNREADABLE_RECORD);
            expect(message).not.toMatch(HIDDEN_NAMES);
            expect(qwilWrites()).toEqual([]);
        }
    );

    it.each([
        ['while her own record holds the email', () => undefined],
        ['when her Qwil account names her own record', eleanorsRecordEmailChanged]
    ])("she does not become readable on another record's lists %s", async (_arrangement, arrange) => {
        arrange();
        await inQwil('groups/create', {
            name: 'Whitfield Trust',
            identifier: 'WhitfieldTrust',
            entity_user_xref_uuids: [S.oliviaHart, C.eleanorWhitfield]
        });
        const { groups } = (await harness.callApex('QwilContactGroupsController', 'searchJoinableGroups', {
            recordId: HANNAH(),
            search: 'Whitfield'
        })) as JoinableGroups;
        expect(groups).toEqual([]);
    });

    it("the user's own clients are still found and readable by email", async () => {
        const tab = (await harness.callApex('QwilConnectorController', 'loadTab', { recordId: HANNAH() })) as TabState;
        expect(tab).toMatchObject({
            kind: 'ready',
            client: { status: 'active', client: { primaryEmail: 'hannah.lindqvist@example.com' } }
        });
    });
});
