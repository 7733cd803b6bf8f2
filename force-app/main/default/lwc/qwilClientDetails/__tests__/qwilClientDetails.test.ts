import { createElement } from 'lwc';
import QwilClientDetails from '../qwilClientDetails';
import type { ClientState } from '../../../../../server/contracts/clientState';
import { activeClient, notInvitedByEmail, notInvitedByRecordId, pendingClientWithoutOptionalDetails } from './data/clientStates';

type DateTimeStub = HTMLElement & { value?: string; year?: string; month?: string; day?: string };

function renderDetails(clientState: ClientState): ShadowRoot {
    const element = createElement('c-qwil-client-details', { is: QwilClientDetails });
    Object.assign(element, { clientState });
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
            'Invitation phone': '+44 7700 900123',
            'Job title': 'Private client',
            Identifier: 'HART-0042',
            Invited: '',
            Joined: ''
        });
        await expect(root.host).toBeAccessible();
    });

    it('formats the invited and joined dates with lightning-formatted-date-time', async () => {
        const root = renderDetails(activeClient);

        const invited = root.querySelector<DateTimeStub>('[data-id="invited-at"] lightning-formatted-date-time');
        const joined = root.querySelector<DateTimeStub>('[data-id="joined-at"] lightning-formatted-date-time');
        expect(invited?.value).toBe('2026-03-02T09:15:00.000Z');
        expect(joined?.value).toBe('2026-03-03T18:40:00.000Z');
        expect([invited?.year, invited?.month, invited?.day]).toEqual(['numeric', 'short', 'numeric']);
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
        expect(root.querySelector('[data-id="joined-at"] lightning-formatted-date-time')).toBeNull();
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

    it('names the Salesforce record ID when the client was looked up by it', async () => {
        const root = renderDetails(notInvitedByRecordId);

        expect(root.querySelector('[data-id="not-on-qwil"] p')?.textContent).toBe(
            'No Qwil client was found for the Salesforce record ID 003000000000001AAA.'
        );
        await expect(root.host).toBeAccessible();
    });
});
