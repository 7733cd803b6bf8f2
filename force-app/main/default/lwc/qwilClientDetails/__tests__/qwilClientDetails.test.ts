import { createElement } from 'lwc';
import QwilClientDetails from '../qwilClientDetails';
import type { ClientState } from '../../../../../server/contracts/clientState';
import type { ReadyTab } from '../../../../../server/contracts/QwilConnectorController';
import {
    activeClient,
    notInvitedByEmail,
    notInvitedByRecordId,
    pendingClientWithoutOptionalDetails
} from 'jest-support/data/clientStates';
import { readyTab } from 'jest-support/data/tabStates';
import { normalisedTextSeen } from 'jest-support/componentTesting';
import { staffWordProblems } from 'jest-support/staffWords';

const RECORD_ID = '003000000000001AAA';

type DateTimeStub = HTMLElement & { value?: string };

function renderDetails(client: ClientState, overrides: Partial<ReadyTab> = {}): ShadowRoot {
    const element = createElement('c-qwil-client-details', { is: QwilClientDetails });
    Object.assign(element, { recordId: RECORD_ID, tab: readyTab(client, overrides) });
    document.body.appendChild(element);
    return element.shadowRoot!;
}

/** The profile as the user reads it: each field label with the text beside it. */
function profileFields(root: ShadowRoot): Record<string, string> {
    const fields: Record<string, string> = {};
    root.querySelectorAll('dt').forEach((term) => {
        fields[term.textContent ?? ''] = term.nextElementSibling?.textContent?.trim() ?? '';
    });
    return fields;
}

function statusShown(root: ShadowRoot): string | undefined {
    return root.querySelector<HTMLElement & { status?: string }>('c-qwil-client-status-summary')?.status;
}

describe('c-qwil-client-details', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it("shows an active client's status and Qwil profile", async () => {
        const root = renderDetails(activeClient);

        expect(statusShown(root)).toBe('active');
        expect(profileFields(root)).toEqual({
            Name: 'Amelia Hart',
            'Primary email': 'amelia.hart@example.com',
            'Invitation phone': '+44 7700 000123',
            'Job title': 'Private client',
            Identifier: 'HART-0042',
            Invited: '',
            Joined: ''
        });
        await expect(root.host).toBeAccessible();
    });

    it('shows the invited and joined dates in the house format', async () => {
        const root = renderDetails(activeClient);

        const invited = root.querySelector<DateTimeStub>('[data-id="invited-at"] c-qwil-date-time');
        const joined = root.querySelector<DateTimeStub>('[data-id="joined-at"] c-qwil-date-time');
        expect(invited?.value).toBe('2026-03-02T09:15:00.000Z');
        expect(joined?.value).toBe('2026-03-03T18:40:00.000Z');
        await expect(root.host).toBeAccessible();
    });

    it('says which details a pending client has not provided and that they have not joined', async () => {
        const root = renderDetails(pendingClientWithoutOptionalDetails);

        expect(statusShown(root)).toBe('pending');
        expect(profileFields(root)).toMatchObject({
            'Invitation phone': 'Not provided',
            'Job title': 'Not provided',
            Identifier: 'Not provided',
            Joined: 'Not joined yet'
        });
        expect(root.querySelector('[data-id="joined-at"] c-qwil-date-time')).toBeNull();
        await expect(root.host).toBeAccessible();
    });

    it('says a client who is not invited is not on Qwil, and what they were looked up by', async () => {
        const root = renderDetails(notInvitedByEmail);

        expect(statusShown(root)).toBe('not_invited');
        expect(root.querySelector('dl')).toBeNull();
        const emptyState = root.querySelector('[data-id="not-on-qwil"]');
        expect(emptyState?.querySelector('h3')?.textContent).toBe('This client is not on Qwil Messenger');
        expect(emptyState?.querySelector('p')?.textContent).toBe(
            'No Qwil client was found for the email address li.wei@example.com.'
        );
        await expect(root.host).toBeAccessible();
    });

    it('names the record, not its id, when the client was looked up by record id', async () => {
        const root = renderDetails(notInvitedByRecordId);

        expect(root.querySelector('[data-id="not-on-qwil"] p')?.textContent).toBe(
            'No Qwil client is linked to this record (Li Wei).'
        );
        expect(staffWordProblems(normalisedTextSeen(root.host))).toEqual([]);
        await expect(root.host).toBeAccessible();
    });

    it.each([
        [RECORD_ID, 'This record (Li Wei)'],
        [RECORD_ID.slice(0, 15), 'This record (Li Wei)'],
        ['003000000000002AAA', 'Another Salesforce record'],
        ['HART-0042', 'HART-0042']
    ])('shows the Qwil identifier %s as "%s"', (identifier, shown) => {
        const root = renderDetails({ ...activeClient, client: { ...activeClient.client, identifier } });

        expect(profileFields(root).Identifier).toBe(shown);
    });

    it.each([
        ['active', activeClient],
        ['pending', pendingClientWithoutOptionalDetails],
        ['not invited, by email', notInvitedByEmail],
        ['not invited, by record id', notInvitedByRecordId],
        [
            'active, linked by record id',
            {
                ...activeClient,
                lookup: notInvitedByRecordId.lookup,
                client: { ...activeClient.client, identifier: RECORD_ID }
            }
        ],
        [
            'suspended',
            { ...activeClient, status: 'suspended', client: { ...activeClient.client, status: 'suspended' } }
        ],
        [
            'deactivated',
            { ...activeClient, status: 'deactivated', client: { ...activeClient.client, status: 'deactivated' } }
        ]
    ] satisfies Array<[string, ClientState]>)(
        'shows staff no raw id, code or status value for a %s client',
        (_state, client) => {
            expect(staffWordProblems(normalisedTextSeen(renderDetails(client).host))).toEqual([]);
        }
    );

    it('tells a user who may invite how to do it', async () => {
        const root = renderDetails(notInvitedByEmail);

        expect(root.querySelector('[data-id="invite-hint"]')?.textContent?.trim()).toBe(
            'Use Invite to create their Qwil profile and send them an invitation.'
        );
        await expect(root.host).toBeAccessible();
    });

    it('lists each difference between the record and the Qwil profile', async () => {
        const root = renderDetails(activeClient, {
            mismatches: [
                { field: 'Email', salesforce: 'amelia@hart.example', qwil: 'amelia.hart@example.com' },
                { field: 'Invitation phone', salesforce: null, qwil: '+44 7700 000123' }
            ]
        });

        const mismatchList = root.querySelector<HTMLElement & { mismatches?: unknown[] }>('c-qwil-mismatch-list');
        expect(mismatchList?.mismatches).toHaveLength(2);
        expect(normalisedTextSeen(root.host)).toContain(
            'Email: Salesforce says "amelia@hart.example", Qwil says "amelia.hart@example.com".'
        );
        await expect(root.host).toBeAccessible();
    });

    it('offers the pending-client actions for a pending client and passes on the tab they return', async () => {
        const root = renderDetails(pendingClientWithoutOptionalDetails);
        const onTabChange = jest.fn();
        root.host.addEventListener('tabchange', onTabChange);

        const actions = root.querySelector<HTMLElement & { recordId?: string; tab?: ReadyTab }>(
            'c-qwil-pending-client-actions'
        );
        expect(actions?.recordId).toBe(RECORD_ID);
        expect(actions?.tab?.client.status).toBe('pending');
        const newTab = readyTab(activeClient);
        actions?.dispatchEvent(new CustomEvent('tabchange', { detail: newTab }));

        expect(onTabChange).toHaveBeenCalledTimes(1);
        expect(onTabChange.mock.calls[0][0].detail).toBe(newTab);
        await expect(root.host).toBeAccessible();
    });

    it('offers no actions for an active client', async () => {
        const root = renderDetails(activeClient);

        expect(root.querySelector('c-qwil-pending-client-actions')).toBeNull();
        expect(root.querySelector('[data-id="read-only-note"]')).toBeNull();
        await expect(root.host).toBeAccessible();
    });

    it.each([
        ['suspended', 'Read-only: a suspended client cannot be changed from Salesforce.'],
        ['deactivated', 'Read-only: a deactivated client cannot be changed or invited again with this email address.']
    ] as const)('shows a %s client read-only and says why', async (status, note) => {
        const root = renderDetails({ ...activeClient, status, client: { ...activeClient.client, status } });

        expect(root.querySelector('[data-id="read-only-note"]')?.textContent).toContain(note);
        expect(root.querySelector('c-qwil-pending-client-actions')).toBeNull();
        expect(profileFields(root).Name).toBe('Amelia Hart');
        await expect(root.host).toBeAccessible();
    });
});
