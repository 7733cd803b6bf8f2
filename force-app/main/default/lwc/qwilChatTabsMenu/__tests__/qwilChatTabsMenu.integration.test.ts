import { createElement } from 'lwc';
import QwilChatTabsMenu from '../qwilChatTabsMenu';
import { integrationHarness, takeQwilRequests } from '../../../../../../mock-org/testing/integrationHarness';
import { waitFor } from '../../../../../../mock-org/testing/waitFor';
import { qwilGroupNamed, qwilMembershipsWithEmail, recordIdByName } from '../../../../../../mock-org/testing/finders';
import { deepQuery, normalisedTextSeen, typeInto } from 'jest-support/componentTesting';

// Through every layer: component → server method → mock org (sharing, FLS, class access)
// → named credential → fetch → msw mock Qwil.
const OLIVIA = 'olivia.hart@harbourwealth.example';
const JAMES = 'james.patel@harbourwealth.example';
const DANIEL = 'daniel.brooks@harbourwealth.example';

const recordIdOf = (type: 'Contact' | 'Account', name: string) => recordIdByName(integrationHarness().org, type, name);

const qwilMember = (email: string) => qwilMembershipsWithEmail(integrationHarness().qwil, email)[0];

async function openTab(objectApiName: 'Contact' | 'Account', name: string): Promise<HTMLElement> {
    const element = createElement('c-qwil-chat-tabs-menu', { is: QwilChatTabsMenu });
    Object.assign(element, { objectApiName, recordId: recordIdOf(objectApiName, name) });
    document.body.appendChild(element);
    await waitFor(() => !deepQuery(element, 'lightning-spinner') && normalisedTextSeen(element) !== '');
    return element;
}

/** A lightning-button by its label, in any shadow tree below `host` (the label is a property, not an attribute). */
function lightningButton(host: Element, label: string): HTMLElement {
    const search = (root: Element): HTMLElement | undefined => {
        for (const element of Array.from(root.shadowRoot?.querySelectorAll('*') ?? [])) {
            if (element.tagName === 'LIGHTNING-BUTTON' && (element as HTMLElement & { label?: string }).label === label)
                return element as HTMLElement;
            const inner = search(element);
            if (inner) return inner;
        }
        return undefined;
    };
    const button = search(host);
    if (!button) throw new Error(`No "${label}" button`);
    return button;
}

describe('c-qwil-chat-tabs-menu against the mock org and mock Qwil', () => {
    beforeEach(() => {
        integrationHarness().runAs(OLIVIA);
        takeQwilRequests();
    });
    afterEach(() => {
        document.body.replaceChildren();
    });

    it("shows an active client's Qwil profile, found by record id through the named credential", async () => {
        const element = await openTab('Contact', 'Eleanor Whitfield');
        const text = normalisedTextSeen(element);
        expect(text).toContain('Active');
        expect(text).toContain('eleanor.whitfield@example.com');
        expect(text).toContain('Olivia Hart');
        expect(takeQwilRequests()).toContain(
            `GET https://eu.qwil.io/entity-service/sys-api/entity-memberships?identifier=${recordIdOf('Contact', 'Eleanor Whitfield')}`
        );
    });

    it('shows a pending client as pending', async () => {
        expect(normalisedTextSeen(await openTab('Contact', 'Marcus Bennett'))).toContain('Pending');
    });

    it('works on a Person Account page', async () => {
        expect(normalisedTextSeen(await openTab('Account', 'Charlotte Dubois'))).toContain(
            'charlotte.dubois@example.com'
        );
    });

    it('refuses a record the user cannot see, without calling Qwil', async () => {
        integrationHarness().runAs(JAMES);
        const element = await openTab('Contact', 'Eleanor Whitfield');
        expect(normalisedTextSeen(element)).toContain("You don't have access to this record");
        expect(takeQwilRequests()).toEqual([]);
    });

    it('tells a user without access to the server class what is missing', async () => {
        integrationHarness().runAs(DANIEL);
        const element = await openTab('Contact', 'Thomas Okafor');
        expect(normalisedTextSeen(element)).toContain(
            "You do not have access to the Apex class named 'QwilConnectorController'."
        );
        expect(takeQwilRequests()).toEqual([]);
    });

    it('invites a client who is not on Qwil: the national number goes out normalised and the client shows as pending', async () => {
        const element = await openTab('Contact', 'Thomas Okafor');
        expect(normalisedTextSeen(element)).toMatch(/not on Qwil/i);

        lightningButton(element, 'Invite').click();
        await waitFor(
            () =>
                deepQuery(element, 'c-qwil-invite-modal') !== null &&
                normalisedTextSeen(element).includes('+447700010005')
        );
        lightningButton(element, 'Send invitation').click();
        await waitFor(
            () => deepQuery(element, 'c-qwil-invite-modal') === null && normalisedTextSeen(element).includes('Pending')
        );

        expect(qwilMember('thomas.okafor@example.com')).toMatchObject({
            status: 'pending',
            invitation_phone_number: '+447700010005',
            identifier: recordIdOf('Contact', 'Thomas Okafor'),
            job_title: 'Client'
        });
        const group = qwilGroupNamed(integrationHarness().qwil, 'Okafor Relationship');
        expect(group?.member_xref_uuids).toHaveLength(2);
    });

    it('resends a pending client their invitation', async () => {
        const before = qwilMember('marcus.bennett@example.com')?.invitation?.token;
        const element = await openTab('Contact', 'Marcus Bennett');
        lightningButton(element, 'Resend invitation').click();
        await waitFor(() => qwilMember('marcus.bennett@example.com')?.invitation?.token !== before);
        expect(normalisedTextSeen(element)).toContain('Pending');
    });

    it("changes a pending client's invitation phone, normalised", async () => {
        const element = await openTab('Contact', 'Marcus Bennett');
        lightningButton(element, 'Edit phone').click();
        await waitFor(() => deepQuery(element, 'c-qwil-invitation-phone') !== null);
        typeInto(deepQuery(deepQuery(element, 'c-qwil-invitation-phone')!, 'lightning-input'), '07700 000999');
        await waitFor(() => normalisedTextSeen(element).includes('+447700000999'));
        lightningButton(element, 'Save phone').click();
        await waitFor(() => deepQuery(element, 'c-qwil-invitation-phone') === null);
        expect(qwilMember('marcus.bennett@example.com')?.invitation_phone_number).toBe('+447700000999');
    });

    it('says why a number one digit short cannot be used, before anything is sent', async () => {
        const before = qwilMember('marcus.bennett@example.com')?.invitation_phone_number;
        const element = await openTab('Contact', 'Marcus Bennett');
        lightningButton(element, 'Edit phone').click();
        await waitFor(() => deepQuery(element, 'c-qwil-invitation-phone') !== null);
        typeInto(deepQuery(deepQuery(element, 'c-qwil-invitation-phone')!, 'lightning-input'), '+44 7700 91000');
        await waitFor(() =>
            normalisedTextSeen(element).includes(
                '"+44 7700 91000" is too short for a mobile number: United Kingdom (+44) mobile numbers have 10 digits after the country code, this one has 9.'
            )
        );
        expect(normalisedTextSeen(element)).not.toContain('Will be sent as');
        expect(qwilMember('marcus.bennett@example.com')?.invitation_phone_number).toBe(before);
    });

    it('tells a staff user whose Staff ID is empty what to do, without looking the client up', async () => {
        const { org } = integrationHarness();
        const olivia = org.requireUser(OLIVIA);
        org.records.update(olivia.Id, { FederationIdentifier: '' });
        try {
            const element = await openTab('Contact', 'Eleanor Whitfield');
            expect(normalisedTextSeen(element)).toContain('Your Federation ID is empty');
            expect(takeQwilRequests()).toEqual([]);
        } finally {
            org.records.update(olivia.Id, { FederationIdentifier: OLIVIA });
        }
    });
});
