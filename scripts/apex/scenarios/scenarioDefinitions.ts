import { DEMO } from '../../../mock-org/qwil';
import { arrangeInQwil } from '../../../mock-org/testing/arrangeInQwil';
import type { ConnectorHarness, ConnectorHarnessOptions } from '../../../mock-org/testing/connectorHarness';
import { importQwilClients, insertContact } from '../../../mock-org/testing/linkClientsArrangement';
import type { ScenarioCall, ScenarioStep } from './recordScenario';

const OLIVIA = 'olivia.hart@harbourwealth.example';
const JAMES = 'james.patel@harbourwealth.example';
const SOFIA = 'sofia.reyes@harbourwealth.example';
const CONNECTOR = 'QwilConnectorController';
const GROUPS = 'QwilContactGroupsController';
const CHATS = 'QwilChatsController';
const LINK = 'QwilLinkClientsController';

type RecordIdOf = (name: string) => string;

/** A named scenario: who calls which server method on which client, after what arrangement. */
export interface ScenarioDefinition {
    name: string;
    runningUser: string;
    /** How the harness is made (settings, a Super API key); the defaults otherwise. */
    harness?: ConnectorHarnessOptions;
    /** Changes to the harness before the call (Qwil faults, user fields, Qwil data); not recorded. */
    arrange?: (harness: ConnectorHarness) => void | Promise<unknown>;
    call: (recordIdOf: RecordIdOf) => Omit<ScenarioCall, 'name'>;
}

type Params = ScenarioCall['params'];
interface CallOptions {
    before?: (recordIdOf: RecordIdOf, recordId: string) => ScenarioStep[];
    claimFor?: ScenarioCall['claimFor'];
}

const onRecord =
    (className: string, methodName: string, client: string, params: Params = {}, options: CallOptions = {}) =>
    (recordIdOf: RecordIdOf): Omit<ScenarioCall, 'name'> => {
        const recordId = recordIdOf(client);
        const withRecord: Params =
            typeof params === 'function' ? (earlier) => ({ recordId, ...params(earlier) }) : { recordId, ...params };
        return {
            className,
            methodName,
            recordId,
            params: withRecord,
            ...(options.before ? { before: options.before(recordIdOf, recordId) } : {}),
            ...(options.claimFor ? { claimFor: options.claimFor } : {})
        };
    };

const step = (className: string, methodName: string, params: Record<string, unknown>): ScenarioStep => ({
    className,
    methodName,
    params
});
const claimFor = (idempotencyKey: string) => ({ idempotencyKey, retry: false });
const SUPER_KEY: ConnectorHarnessOptions = { settings: { Using_Super_API_Key__c: true }, superApiKey: true };
const G = DEMO.groups;
const C = DEMO.chats;
/** The client is put into Advisory Desk first, so that leaving or deleting it leaves them another group. */
const AFTER_JOINING_ADVISORY_DESK: CallOptions = {
    before: (_, recordId) => [step(GROUPS, 'addClientToGroup', { recordId, groupUuid: G.advisoryDesk })]
};

/** One success per server method the components call. */
const SUCCESSES: readonly ScenarioDefinition[] = [
    { name: 'cold tab open', runningUser: OLIVIA, call: onRecord(CONNECTOR, 'loadTab', 'Eleanor Whitfield') },
    {
        name: 'warm tab open',
        runningUser: OLIVIA,
        call: onRecord(
            CONNECTOR,
            'loadTab',
            'Eleanor Whitfield',
            {},
            { before: (_, recordId) => [step(CONNECTOR, 'loadTab', { recordId })] }
        )
    },
    {
        name: 'tab open with several organisations',
        runningUser: OLIVIA,
        harness: SUPER_KEY,
        call: onRecord(CONNECTOR, 'loadTab', 'Eleanor Whitfield')
    },
    {
        name: 'choose organisation',
        runningUser: OLIVIA,
        harness: SUPER_KEY,
        call: () => ({
            className: CONNECTOR,
            methodName: 'chooseOrganisation',
            params: { entityUuid: DEMO.organisations.harbourWealthJersey }
        })
    },
    {
        name: 'check phone',
        runningUser: OLIVIA,
        call: onRecord(CONNECTOR, 'checkInvitationPhone', 'Thomas Okafor', { phone: '07700 010005' })
    },
    {
        name: 'invite',
        runningUser: OLIVIA,
        call: onRecord(CONNECTOR, 'inviteClient', 'Thomas Okafor', {
            jobTitle: 'Client',
            invitationPhone: '+44 7700 010005',
            groupUuids: [],
            newGroup: { name: 'Okafor Relationship', staffEntityUserXrefUuids: [DEMO.staff.oliviaHart] }
        })
    },
    { name: 'resend invitation', runningUser: OLIVIA, call: onRecord(CONNECTOR, 'resendInvitation', 'Marcus Bennett') },
    {
        name: 'update invitation phone',
        runningUser: OLIVIA,
        call: onRecord(CONNECTOR, 'updateInvitationPhone', 'Marcus Bennett', { invitationPhone: '+44 7700 000999' })
    },
    {
        name: 'search invite groups',
        runningUser: OLIVIA,
        call: onRecord(CONNECTOR, 'searchInviteGroups', 'Thomas Okafor', { search: 'Relationship' })
    },
    {
        name: 'search staff',
        runningUser: OLIVIA,
        call: onRecord(CONNECTOR, 'searchActiveStaff', 'Thomas Okafor', { search: '' })
    },
    {
        name: 'load contact groups',
        runningUser: OLIVIA,
        call: onRecord(GROUPS, 'loadContactGroups', 'Eleanor Whitfield')
    },
    {
        name: "load contact groups with another owner's clients in one",
        runningUser: JAMES,
        // Someone with access to both put Hannah into Whitfield Relationship, whose other clients James cannot read.
        arrange: (harness) =>
            arrangeInQwil(harness).system('groups/group-members/create', {
                group_uuid: G.whitfieldRelationship,
                entity_user_xref_uuids: [DEMO.clients.hannahLindqvist]
            }),
        call: onRecord(GROUPS, 'loadContactGroups', 'Hannah Lindqvist')
    },
    {
        name: 'open contact group',
        runningUser: OLIVIA,
        call: onRecord(GROUPS, 'openContactGroup', 'Eleanor Whitfield', { groupUuid: G.whitfieldRelationship })
    },
    {
        name: 'search joinable groups',
        runningUser: OLIVIA,
        call: onRecord(GROUPS, 'searchJoinableGroups', 'Eleanor Whitfield', { search: '' })
    },
    {
        name: 'add staff to a group',
        runningUser: OLIVIA,
        call: onRecord(GROUPS, 'addStaffMembers', 'Eleanor Whitfield', {
            groupUuid: G.whitfieldRelationship,
            staffEntityUserXrefUuids: [DEMO.staff.jamesPatel]
        })
    },
    {
        name: 'remove staff from a group',
        runningUser: OLIVIA,
        call: onRecord(
            GROUPS,
            'removeStaffMember',
            'Eleanor Whitfield',
            { groupUuid: G.whitfieldRelationship, entityUserXrefUuid: DEMO.staff.jamesPatel },
            {
                before: (_, recordId) => [
                    step(GROUPS, 'addStaffMembers', {
                        recordId,
                        groupUuid: G.whitfieldRelationship,
                        staffEntityUserXrefUuids: [DEMO.staff.jamesPatel]
                    })
                ]
            }
        )
    },
    {
        name: 'join group',
        runningUser: OLIVIA,
        call: onRecord(GROUPS, 'addClientToGroup', 'Eleanor Whitfield', { groupUuid: G.advisoryDesk })
    },
    {
        name: 'leave group',
        runningUser: OLIVIA,
        call: onRecord(
            GROUPS,
            'removeClientFromGroup',
            'Eleanor Whitfield',
            { groupUuid: G.advisoryDesk },
            AFTER_JOINING_ADVISORY_DESK
        )
    },
    {
        name: 'create contact group',
        runningUser: OLIVIA,
        call: onRecord(
            GROUPS,
            'createContactGroup',
            'Eleanor Whitfield',
            {
                name: 'Whitfield Trust',
                identifier: 'WhitfieldTrust',
                description: 'Trust accounts',
                idempotencyKey: '5f0b6a43-2c1d-4e8f-9a7b-3c2d1e0f9a81'
            },
            { claimFor: claimFor('5f0b6a43-2c1d-4e8f-9a7b-3c2d1e0f9a81') }
        )
    },
    {
        name: 'update contact group',
        runningUser: OLIVIA,
        call: onRecord(GROUPS, 'updateContactGroup', 'Eleanor Whitfield', {
            groupUuid: G.whitfieldRelationship,
            name: 'Whitfield Family',
            identifier: 'WhitfieldRelationship',
            description: 'Eleanor Whitfield and trustee Marcus Bennett'
        })
    },
    {
        name: 'delete contact group',
        runningUser: OLIVIA,
        call: onRecord(
            GROUPS,
            'deleteContactGroup',
            'Eleanor Whitfield',
            { groupUuid: G.advisoryDesk },
            AFTER_JOINING_ADVISORY_DESK
        )
    },
    {
        name: 'list chats',
        runningUser: OLIVIA,
        call: onRecord(CHATS, 'listChats', 'Eleanor Whitfield', { cursor: null })
    },
    {
        name: 'open chat',
        runningUser: OLIVIA,
        call: onRecord(CHATS, 'openChat', 'Eleanor Whitfield', { chatUuid: C.eleanorPortfolioReview })
    },
    {
        name: 'older messages',
        runningUser: OLIVIA,
        call: onRecord(
            CHATS,
            'loadOlderMessages',
            'Charlotte Dubois',
            ([opened]) => ({
                chatUuid: C.charlotteMarketNotes,
                cursor: (opened as { olderCursor: string }).olderCursor
            }),
            {
                before: (_, recordId) => [step(CHATS, 'openChat', { recordId, chatUuid: C.charlotteMarketNotes })]
            }
        )
    },
    {
        name: 'newer messages',
        runningUser: OLIVIA,
        call: onRecord(CHATS, 'loadNewMessages', 'Eleanor Whitfield', {
            chatUuid: C.eleanorPortfolioReview,
            afterSeq: 4
        })
    },
    {
        name: 'chat send',
        runningUser: OLIVIA,
        call: onRecord(
            CHATS,
            'sendMessage',
            'Eleanor Whitfield',
            {
                chatUuid: C.eleanorPortfolioReview,
                text: 'Your quarterly review is ready.',
                idempotencyKey: '7d0c7f1e-5b4a-4c59-9a43-1f2b3c4d5e61',
                afterSeq: 6
            },
            { claimFor: claimFor('7d0c7f1e-5b4a-4c59-9a43-1f2b3c4d5e61') }
        )
    },
    {
        name: 'start chat',
        runningUser: OLIVIA,
        call: onRecord(
            CHATS,
            'startChat',
            'Eleanor Whitfield',
            {
                title: 'Annual review',
                staffEntityUserXrefUuids: [],
                text: 'Shall we book your annual review?',
                idempotencyKey: '0e4d2f61-8a3b-4c7d-9e1f-2a3b4c5d6e71'
            },
            { claimFor: claimFor('0e4d2f61-8a3b-4c7d-9e1f-2a3b4c5d6e71') }
        )
    },
    {
        name: 'export chat',
        runningUser: OLIVIA,
        arrange: (harness) => harness.qwil.control.setKeyPermissions({ key: harness.apiKey, canExportData: true }),
        call: onRecord(CHATS, 'exportChat', 'Eleanor Whitfield', { chatUuid: C.eleanorPortfolioReview, format: 'pdf' })
    }
];

/**
 * Clients created on Qwil outside the connector, without identifiers: one whose email only Thomas Okafor's
 * Contact holds, and one of each conflict an administrator who reads every record can meet (no record,
 * several records, the record's id already another member's identifier, a deactivated membership).
 */
function arrangeClientsToLink(harness: ConnectorHarness): void {
    const contact = (firstName: string, email: string): string =>
        insertContact(harness, { firstName, lastName: 'Record', email, owner: OLIVIA });
    contact('Twin', 'twins@example.com');
    contact('Twin', 'twins@example.com');
    const takenId = contact('Taken', 'taken@example.com');
    importQwilClients(harness, [
        { firstName: 'Thomas', lastName: 'Okafor', email: 'thomas.okafor@example.com' },
        { firstName: 'Nadia', lastName: 'Nobody', email: 'nadia.nobody@example.com' },
        { firstName: 'Tess', lastName: 'Twin', email: 'twins@example.com' },
        { firstName: 'Tara', lastName: 'Taken', email: 'taken@example.com' },
        { firstName: 'Other', lastName: 'Holder', email: 'holder@example.com', identifier: takenId },
        { firstName: 'Dora', lastName: 'Gone', email: 'dora.gone@example.com', status: 'deactivated' }
    ]);
}

/** A linking run started from Setup; its jobs run to the end before the next call (in Apex: `Test.stopTest()`). */
const linkingRun = (dryRun: boolean): ScenarioStep => ({
    ...step(LINK, 'startLinking', { dryRun, callsPerMinute: 300 }),
    awaitJobs: true
});
const ofRun = ([run]: unknown[]): string => (run as { jobId: string }).jobId;

/** The linking job, held to the same Qwil requests in both runtimes (one transaction each: Apex tests cannot chain jobs). */
const LINKING: readonly ScenarioDefinition[] = [
    {
        name: 'link clients: dry run plan',
        runningUser: SOFIA,
        arrange: arrangeClientsToLink,
        call: () => ({
            className: LINK,
            methodName: 'linkingPlan',
            params: (earlier) => ({ jobId: ofRun(earlier), page: 0 }),
            before: [linkingRun(true)],
            emailHolders: true
        })
    },
    {
        name: 'link clients: run',
        runningUser: SOFIA,
        arrange: arrangeClientsToLink,
        call: () => ({
            className: LINK,
            methodName: 'linkingJobStatus',
            params: (earlier) => ({ jobId: ofRun(earlier) }),
            before: [linkingRun(false)],
            emailHolders: true
        })
    }
];

/** One of each refusal class. */
const REFUSALS: readonly ScenarioDefinition[] = [
    {
        name: 'refused: invalid parameter',
        runningUser: OLIVIA,
        call: () => ({ className: CONNECTOR, methodName: 'loadTab', params: { recordId: 'not-an-id' } })
    },
    {
        name: 'refused: no record access',
        runningUser: JAMES,
        call: onRecord(CONNECTOR, 'loadTab', 'Eleanor Whitfield')
    },
    {
        name: 'refused: staff not mapped',
        runningUser: OLIVIA,
        arrange: (harness) =>
            void harness.org.records.update(harness.org.requireUser(OLIVIA).Id, {
                FederationIdentifier: 'nobody@harbourwealth.example'
            }),
        call: onRecord(CONNECTOR, 'loadTab', 'Eleanor Whitfield')
    },
    {
        name: 'refused: Qwil unavailable',
        runningUser: OLIVIA,
        arrange: (harness) => harness.qwil.control.injectFault({ failNext: { count: 1, status: 503 } }),
        call: onRecord(CONNECTOR, 'loadTab', 'Eleanor Whitfield')
    },
    {
        name: 'refused: unknown Qwil code',
        runningUser: OLIVIA,
        arrange: (harness) => harness.qwil.control.injectFault({ failNext: { count: 1, status: 409 } }),
        call: onRecord(GROUPS, 'loadContactGroups', 'Eleanor Whitfield')
    },
    {
        name: "refused: another owner's clients through a group",
        runningUser: JAMES,
        call: onRecord(GROUPS, 'addClientToGroup', 'Hannah Lindqvist', { groupUuid: G.whitfieldRelationship })
    },
    {
        name: "refused: another owner's client into a chat",
        runningUser: JAMES,
        call: onRecord(
            CHATS,
            'startChat',
            'Hannah Lindqvist',
            {
                title: 'Pension questions',
                staffEntityUserXrefUuids: [DEMO.clients.eleanorWhitfield],
                text: 'Hello both',
                idempotencyKey: '3b9e1c27-6d4f-4a8b-8c2e-7f1a2b3c4d51'
            },
            { claimFor: claimFor('3b9e1c27-6d4f-4a8b-8c2e-7f1a2b3c4d51') }
        )
    },
    {
        name: "refused: chat outside the user's visibility",
        runningUser: OLIVIA,
        call: onRecord(CHATS, 'openChat', 'Eleanor Whitfield', { chatUuid: C.eleanorProofOfAddress })
    }
];

/** The scenarios both runtimes replay. */
export const SCENARIOS: readonly ScenarioDefinition[] = [...SUCCESSES, ...LINKING, ...REFUSALS];
