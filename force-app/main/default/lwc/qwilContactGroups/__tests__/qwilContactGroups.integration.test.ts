import { createElement } from 'lwc';
import QwilContactGroups from '../qwilContactGroups';
import type { ReadyTab } from '../../../../../server/contracts/QwilConnectorController';
import { DEMO } from '../../../../../../mock-org/qwil';
import { integrationHarness, takeQwilRequests } from '../../../../../../mock-org/testing/integrationHarness';
import { waitFor } from '../../../../../../mock-org/testing/waitFor';
import { arrangeInQwil } from '../../../../../../mock-org/testing/arrangeInQwil';
import { qwilGroupMembers, qwilGroupNamed, recordIdByName } from '../../../../../../mock-org/testing/finders';
import { deepQueryAll as findAll, normalisedTextSeen as visibleText, typeInto } from 'jest-support/componentTesting';

// Through every layer: component → server method → mock org → named credential → mock Qwil.
// Each test starts from the demo Qwil organisation: Eleanor Whitfield is only in "Whitfield
// Relationship" (Olivia Hart, Eleanor, Marcus Bennett), so Olivia is its only active staff member.
const OLIVIA = 'olivia.hart@harbourwealth.example';
const { groups: G, staff: S, clients: C } = DEMO;

type ButtonStub = HTMLElement & { label?: string; disabled?: boolean };

const contactId = (name: string) => recordIdByName(integrationHarness().org, 'Contact', name);
const eleanorId = () => contactId('Eleanor Whitfield');

const find = <T extends Element = HTMLElement>(host: Element, selector: string): T | undefined =>
    findAll<T>(host, selector)[0];
const buttonLabelled = (host: Element, label: string) =>
    findAll<ButtonStub>(host, 'lightning-button').find((button) => button.label === label);
const membersOf = (groupUuid: string) => qwilGroupMembers(integrationHarness().qwil, groupUuid);
const groupNamed = (name: string) => qwilGroupNamed(integrationHarness().qwil, name);
const removeButtonOf = (host: Element, memberUuid: string) =>
    find(find(host, `c-qwil-contact-group-member[data-uuid="${memberUuid}"]`)!, '[data-id="remove"]');
const qwilWrites = () => takeQwilRequests().filter((request) => request.startsWith('POST'));

async function openPage(clientName = 'Eleanor Whitfield'): Promise<HTMLElement> {
    const recordId = contactId(clientName);
    const tab = (await integrationHarness().callApex('QwilConnectorController', 'loadTab', { recordId })) as ReadyTab;
    const element = createElement('c-qwil-contact-groups', { is: QwilContactGroups });
    Object.assign(element, { recordId, newGroupName: tab.invite.newGroupName });
    document.body.appendChild(element);
    await waitFor(() => visibleText(element).includes(`Groups ${clientName} is in`));
    return element;
}

async function openGroup(element: HTMLElement, name: string): Promise<void> {
    const link = findAll(element, 'table button').find((button) => button.textContent === name);
    if (!link) throw new Error(`No group ${name} in the list`);
    link.click();
    await waitFor(() => Boolean(find(element, '[data-id="group-heading"]')));
}

async function click(element: HTMLElement | undefined, until: () => boolean): Promise<void> {
    if (!element) throw new Error('Nothing to click');
    element.click();
    await waitFor(until);
}

/** Arranges Qwil data directly, as a Qwil administrator would. */
const inQwil = (path: string, body: object) => arrangeInQwil(integrationHarness()).system(path, body);

describe('c-qwil-contact-groups against the mock org and mock Qwil', () => {
    let toasts: string[];
    const onToast = (event: Event) => toasts.push((event as CustomEvent<{ message: string }>).detail.message);

    beforeEach(() => {
        integrationHarness().qwil.control.reset({ keepApiKeys: true });
        integrationHarness().runAs(OLIVIA);
        toasts = [];
        document.addEventListener('lightning__showtoast', onToast);
        takeQwilRequests();
    });
    afterEach(() => {
        document.removeEventListener('lightning__showtoast', onToast);
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it("lists the client's groups and opens one: members with status, and the rules that hold", async () => {
        const element = await openPage();
        expect(visibleText(element)).toContain('Whitfield Relationship WhitfieldRelationship 3 members Yes');

        await openGroup(element, 'Whitfield Relationship');
        const text = visibleText(element);
        expect(text).toContain('Whitfield Family Office: Eleanor Whitfield and trustee Marcus Bennett');
        expect(text).toContain(
            'Olivia Hart · Staff · Senior Wealth Advisor · Active Olivia Hart is the only active staff member of a group with clients'
        );
        expect(text).toContain('Marcus Bennett · Client · Pending');
        expect(text).toContain(
            "This is the client's only group, so it cannot be deleted and the client cannot be removed from it"
        );
        expect(find(element, 'c-qwil-contact-group-member [data-id="remove"]')).toBeUndefined();
        expect(find(element, '[data-id="delete"]')).toBeUndefined();
    });

    it('searches the list as the user types', async () => {
        await integrationHarness().callApex('QwilContactGroupsController', 'addClientToGroup', {
            recordId: eleanorId(),
            groupUuid: G.advisoryDesk
        });
        const element = await openPage();

        typeInto(find(element, 'lightning-input'), 'advis');
        await waitFor(() => findAll(element, 'table button').length === 1);
        expect(findAll(element, 'table button').map((button) => button.textContent)).toEqual(['Advisory Desk']);
        typeInto(find(element, 'lightning-input'), 'nothing like it');
        await waitFor(() => visibleText(element).includes('No groups match "nothing like it".'));
    });

    it("shows a suspended client's groups read-only, saying why", async () => {
        const element = await openPage('Priya Raman');

        expect(visibleText(element)).toContain(
            "Read-only: the client's access is suspended in Qwil. A Qwil administrator can restore it."
        );
        expect(visibleText(element)).toContain('Raman Relationship RamanRelationship 2 members Yes');
        expect(find(element, '[data-id="create"]')).toBeUndefined();
        expect(find(element, '[data-id="join"]')).toBeUndefined();
    });

    it('adds a staff member with Add Staff Members and removes them again, each change shown at once with a toast', async () => {
        const element = await openPage();
        await openGroup(element, 'Whitfield Relationship');

        await click(find(element, '[data-id="add-staff"]'), () => Boolean(find(element, 'c-qwil-staff-search')));
        typeInto(find(find(element, 'c-qwil-staff-search')!, 'lightning-input'), 'a');
        await waitFor(() => visibleText(element).includes('Ava Collins'));
        expect(visibleText(find(element, 'c-qwil-staff-search')!)).toContain(
            'Ava Collins · Investment Analyst · Has not accepted their Qwil invitation yet'
        );
        expect(find<HTMLButtonElement>(element, `button[data-uuid="${S.avaCollins}"]`)?.disabled).toBe(true);
        expect(find<HTMLButtonElement>(element, `button[data-uuid="${S.noahFischer}"]`)?.disabled).toBe(true);

        await click(find(element, `button[data-uuid="${S.jamesPatel}"]`), () =>
            Boolean(find(element, '[data-id="chosen"]'))
        );
        await click(buttonLabelled(find(element, 'c-qwil-contact-group-add-staff')!, 'Add'), () => toasts.length === 1);

        expect(toasts).toEqual(['James Patel is now in Whitfield Relationship.']);
        expect(membersOf(G.whitfieldRelationship)).toEqual([
            S.oliviaHart,
            C.eleanorWhitfield,
            C.marcusBennett,
            S.jamesPatel
        ]);
        expect(find(element, 'c-qwil-contact-group-add-staff')).toBeUndefined();
        expect(visibleText(element)).toContain(
            'James Patel · Staff · Client Service Associate · Active Remove James Patel'
        );

        await click(removeButtonOf(element, S.jamesPatel), () =>
            Boolean(find(element, '[data-id="confirm-question"]'))
        );
        expect(membersOf(G.whitfieldRelationship)).toContain(S.jamesPatel);
        await click(buttonLabelled(element, 'Remove staff member'), () => toasts.length === 2);
        expect(toasts[1]).toBe('James Patel is no longer in Whitfield Relationship.');
        expect(membersOf(G.whitfieldRelationship)).toEqual([S.oliviaHart, C.eleanorWhitfield, C.marcusBennett]);
        expect(visibleText(element)).not.toContain('James Patel');
        await click(buttonLabelled(element, 'Back to groups'), () => Boolean(find(element, 'table')));
        expect(visibleText(element)).toContain('Whitfield Relationship WhitfieldRelationship 3 members Yes');
    });

    it('refuses, before writing to Qwil, a staff member who stopped being active after being chosen', async () => {
        const element = await openPage();
        await openGroup(element, 'Whitfield Relationship');
        await click(find(element, '[data-id="add-staff"]'), () => Boolean(find(element, 'c-qwil-staff-search')));
        typeInto(find(find(element, 'c-qwil-staff-search')!, 'lightning-input'), 'James');
        await waitFor(() => Boolean(find(element, `button[data-uuid="${S.jamesPatel}"]`)));
        await click(find(element, `button[data-uuid="${S.jamesPatel}"]`), () =>
            Boolean(find(element, '[data-id="chosen"]'))
        );
        await inQwil('entity-memberships/suspend', { entity_user_xref_uuid: S.jamesPatel });
        takeQwilRequests();

        const dialog = find(element, 'c-qwil-contact-group-add-staff')!;
        await click(buttonLabelled(dialog, 'Add'), () => visibleText(dialog).includes('could not be added'));

        expect(visibleText(dialog)).toContain('James Patel is Suspended in Qwil; only Active staff can be added.');
        expect(qwilWrites()).toEqual([]);
        expect(membersOf(G.whitfieldRelationship)).not.toContain(S.jamesPatel);
        expect(toasts).toEqual([]);
    });

    it('adds the client to another group (one without active staff cannot be chosen) and takes her out again', async () => {
        await inQwil('groups/create', { name: 'Onboarding', entity_user_xref_uuids: [S.avaCollins] });
        const element = await openPage();

        await click(find(element, '[data-id="join"]'), () => visibleText(element).includes('Advisory Desk'));
        const onboarding = groupNamed('Onboarding')!.group_uuid;
        expect(visibleText(find(element, 'c-qwil-contact-group-join')!)).toContain(
            'Onboarding · 1 member · No active staff member: a client can only join a group that has one'
        );
        expect(
            find<HTMLButtonElement>(find(element, 'c-qwil-contact-group-join')!, `button[data-uuid="${onboarding}"]`)
                ?.disabled
        ).toBe(true);
        expect(visibleText(find(element, 'c-qwil-contact-group-join')!)).not.toContain('Whitfield Relationship');

        await click(
            find(find(element, 'c-qwil-contact-group-join')!, `button[data-uuid="${G.advisoryDesk}"]`),
            () => toasts.length === 1
        );
        expect(toasts).toEqual(['Eleanor Whitfield is now in Advisory Desk.']);
        expect(membersOf(G.advisoryDesk)).toContain(C.eleanorWhitfield);
        expect(visibleText(find(element, '[data-id="group-heading"]')!)).toBe('Advisory Desk');

        await click(removeButtonOf(element, C.eleanorWhitfield), () =>
            Boolean(find(element, '[data-id="confirm-question"]'))
        );
        await click(buttonLabelled(element, 'Remove client'), () => toasts.length === 2);
        expect(toasts[1]).toBe('Eleanor Whitfield is no longer in Advisory Desk.');
        expect(membersOf(G.advisoryDesk)).not.toContain(C.eleanorWhitfield);
        await waitFor(() => Boolean(find(element, 'table')));
        expect(findAll(element, 'table button').map((button) => button.textContent)).toEqual([
            'Whitfield Relationship'
        ]);
    });

    it("creates a group with the invite flow's default name made free of the client's group names, refuses a taken identifier clearly, and deletes the group after confirmation", async () => {
        const element = await openPage();

        await click(find(element, '[data-id="create"]'), () => Boolean(find(element, 'c-qwil-contact-group-editor')));
        const editor = find(element, 'c-qwil-contact-group-editor')!;
        expect(find<HTMLInputElement>(editor, '[data-id="name"]')?.value).toBe('Whitfield Relationship 2');
        typeInto(find(editor, '[data-id="name"]'), 'Whitfield Trust');
        await click(buttonLabelled(editor, 'Create group'), () => toasts.length === 1);
        expect(toasts).toEqual(['Whitfield Trust is created with Eleanor Whitfield and you in it.']);
        expect(groupNamed('Whitfield Trust')?.member_xref_uuids).toEqual([S.oliviaHart, C.eleanorWhitfield]);
        expect(visibleText(find(element, '[data-id="group-heading"]')!)).toBe('Whitfield Trust');

        await click(find(element, '[data-id="edit"]'), () => Boolean(find(element, 'c-qwil-contact-group-editor')));
        const edit = find(element, 'c-qwil-contact-group-editor')!;
        typeInto(find(edit, '[data-id="identifier"]'), 'AdvisoryDesk');
        await click(buttonLabelled(edit, 'Save'), () => visibleText(edit).includes('could not be saved'));
        expect(visibleText(edit)).toContain(
            'This identifier is already used in Qwil, where identifiers must be unique. Choose another identifier and save again.'
        );
        expect(groupNamed('Whitfield Trust')?.identifier).toBeNull();
        expect(toasts).toHaveLength(1);
        typeInto(find(edit, '[data-id="identifier"]'), 'WhitfieldTrust');
        typeInto(find(edit, '[data-id="description"]'), 'Trust accounts');
        await click(buttonLabelled(edit, 'Save'), () => toasts.length === 2);
        expect(toasts[1]).toBe('Whitfield Trust is saved.');
        expect(groupNamed('Whitfield Trust')).toMatchObject({
            identifier: 'WhitfieldTrust',
            description: 'Trust accounts'
        });
        expect(visibleText(find(element, '[data-id="group-fields"]')!)).toBe(
            'Name Whitfield Trust Identifier WhitfieldTrust Description Trust accounts'
        );

        await click(find(element, '[data-id="delete"]'), () => Boolean(find(element, '[data-id="confirm-question"]')));
        expect(groupNamed('Whitfield Trust')).toBeDefined();
        await click(buttonLabelled(element, 'Delete group'), () => toasts.length === 3);
        expect(toasts[2]).toBe('Whitfield Trust is deleted.');
        expect(groupNamed('Whitfield Trust')).toBeUndefined();
        await waitFor(() => Boolean(find(element, 'table')));
        expect(findAll(element, 'table button').map((button) => button.textContent)).toEqual([
            'Whitfield Relationship'
        ]);
    });

    it('leaves a group alone when Qwil refuses to delete it because another client would have no group', async () => {
        await integrationHarness().callApex('QwilContactGroupsController', 'addClientToGroup', {
            recordId: eleanorId(),
            groupUuid: G.advisoryDesk
        });
        const element = await openPage();
        await openGroup(element, 'Whitfield Relationship');
        takeQwilRequests();

        await click(find(element, '[data-id="delete"]'), () => Boolean(find(element, '[data-id="confirm-question"]')));
        await click(buttonLabelled(element, 'Delete group'), () =>
            visibleText(element).includes('The group could not be deleted')
        );

        expect(visibleText(find(element, 'c-qwil-modal')!)).toContain(
            'Qwil refused to delete Whitfield Relationship: Marcus Bennett would be left without a group.'
        );
        expect(qwilWrites()).toEqual(['POST https://eu.qwil.io/entity-service/sys-api/groups/destroy']);
        expect(groupNamed('Whitfield Relationship')).toBeDefined();
        expect(toasts).toEqual([]);
    });

    it("refuses a group that is no longer one of the client's (scope rule), saying so", async () => {
        await integrationHarness().callApex('QwilContactGroupsController', 'addClientToGroup', {
            recordId: eleanorId(),
            groupUuid: G.advisoryDesk
        });
        const element = await openPage();
        await inQwil('groups/group-members/destroy', {
            group_uuid: G.advisoryDesk,
            entity_user_xref_uuids: [C.eleanorWhitfield]
        });

        findAll(element, 'table button')
            .find((button) => button.textContent === 'Advisory Desk')!
            .click();
        await waitFor(() => visibleText(element).includes('The group could not be opened'));

        expect(visibleText(element)).toContain(
            "This group is not one of Eleanor Whitfield's groups. Only the client's own groups can be managed from their record; reopen the Contact Groups page."
        );
    });

    it('refuses to remove the last active staff member without writing to Qwil, even if the page is bypassed', async () => {
        const element = await openPage();
        await openGroup(element, 'Whitfield Relationship');
        takeQwilRequests();

        const attempt = integrationHarness().callApex('QwilContactGroupsController', 'removeStaffMember', {
            recordId: eleanorId(),
            groupUuid: G.whitfieldRelationship,
            entityUserXrefUuid: S.oliviaHart
        });
        await expect(attempt).rejects.toMatchObject({
            body: { message: expect.stringMatching(/^Olivia Hart is the only active staff member/) }
        });
        expect(qwilWrites()).toEqual([]);
        expect(membersOf(G.whitfieldRelationship)).toContain(S.oliviaHart);
    });
});
