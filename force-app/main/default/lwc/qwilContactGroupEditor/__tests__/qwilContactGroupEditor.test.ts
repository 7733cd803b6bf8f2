import { createElement } from 'lwc';
import QwilContactGroupEditor from '../qwilContactGroupEditor';
import createContactGroup from '@salesforce/apex/QwilContactGroupsController.createContactGroup';
import updateContactGroup from '@salesforce/apex/QwilContactGroupsController.updateContactGroup';
import beginWrite from '@salesforce/apex/QwilConnectorController.beginWrite';
import type { ContactGroup } from '../../../../../server/contracts/QwilContactGroupsController';
import {
    apexError,
    captureNextTimeout,
    flushPromises,
    normalisedTextSeen,
    query,
    typeInto,
    deepQuery,
    deepQueryAll
} from 'jest-support/componentTesting';
import { changeOf, RECORD_ID, weiFamily, weiFamilyDetail, WEI_FAMILY_UUID } from 'jest-support/data/contactGroups';

jest.mock('@salesforce/apex/QwilContactGroupsController.createContactGroup', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilContactGroupsController.updateContactGroup', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/QwilConnectorController.beginWrite', () => ({ default: jest.fn() }), { virtual: true });

const mockCreate = jest.mocked(createContactGroup);
const mockUpdate = jest.mocked(updateContactGroup);
const mockBeginWrite = jest.mocked(beginWrite);
const CLAIM = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';

type InputStub = HTMLElement & { value?: string };
type ButtonStub = HTMLElement & { label?: string };

const field = (element: HTMLElement, id: string) => query<InputStub>(element, `[data-id="${id}"]`);
const button = (element: HTMLElement, label: string) =>
    deepQueryAll<ButtonStub>(element, 'lightning-button').find((candidate) => candidate.label === label)!;

describe('c-qwil-contact-group-editor', () => {
    let changes: jest.Mock;
    beforeEach(() => {
        changes = jest.fn();
        mockBeginWrite.mockResolvedValue({ claim: CLAIM, checkAgainInSeconds: null });
    });
    afterEach(() => {
        document.body.replaceChildren();
        jest.restoreAllMocks();
        jest.clearAllMocks();
    });

    async function render(props: {
        group?: ContactGroup;
        defaultName?: string | null;
        takenNames?: string[];
    }): Promise<HTMLElement> {
        const element = createElement('c-qwil-contact-group-editor', { is: QwilContactGroupEditor });
        Object.assign(element, { recordId: RECORD_ID, ...props });
        element.addEventListener('groupschange', changes);
        document.body.appendChild(element);
        await flushPromises();
        return element;
    }

    it('creates a group named as in the invite flow, with the client and the running user in it', async () => {
        const change = changeOf('Wei Relationship is created with Li Wei and you in it.', weiFamilyDetail);
        mockCreate.mockResolvedValue(change);
        const element = await render({ defaultName: 'Wei Relationship' });

        expect(query(element, 'c-qwil-modal')).toHaveProperty('heading', 'New contact group');
        expect(field(element, 'name')?.value).toBe('Wei Relationship');
        expect(query(element, '[data-id="new-group-members"]')?.textContent?.trim()).toBe(
            'The client and you are added to the new group, so it starts with an active staff member.'
        );
        typeInto(field(element, 'identifier'), ' WeiRelationship ');
        typeInto(field(element, 'description'), 'Li Wei and family');
        button(element, 'Create group').click();
        await flushPromises();

        expect(mockCreate).toHaveBeenCalledWith({
            recordId: RECORD_ID,
            name: 'Wei Relationship',
            identifier: 'WeiRelationship',
            description: 'Li Wei and family',
            idempotencyKey: mockBeginWrite.mock.calls[0]?.[0].idempotencyKey,
            claim: CLAIM
        });
        expect(changes.mock.calls[0][0].detail).toBe(change);
        await expect(element).toBeAccessible();
    });

    it.each([
        [['Wei Family'], 'Wei Relationship'],
        [['wei relationship'], 'Wei Relationship 2'],
        [['Wei Relationship', 'Wei Relationship 2'], 'Wei Relationship 3']
    ])('starts a new group with a name no existing group has (existing: %j)', async (takenNames, name) => {
        const element = await render({ defaultName: 'Wei Relationship', takenNames });

        expect(field(element, 'name')?.value).toBe(name);
    });

    it('while Qwil has not confirmed an earlier try, says so and checks again instead of creating another group', async () => {
        const recheck = captureNextTimeout();
        const change = changeOf('Wei Relationship is created with Li Wei and you in it.', weiFamilyDetail);
        mockCreate
            .mockRejectedValueOnce(apexError('Qwil did not answer in time. Try again in a moment.'))
            .mockResolvedValueOnce(change);
        mockBeginWrite
            .mockResolvedValueOnce({ claim: CLAIM, checkAgainInSeconds: null })
            .mockResolvedValueOnce({ claim: null, checkAgainInSeconds: 20 })
            .mockResolvedValueOnce({ claim: CLAIM, checkAgainInSeconds: null });
        const element = await render({ defaultName: 'Wei Relationship' });
        button(element, 'Create group').click();
        await flushPromises();
        deepQuery(element, 'c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();

        expect(mockCreate).toHaveBeenCalledTimes(1);
        expect(normalisedTextSeen(query(element, '[data-id="checking"]')!)).toBe(
            'Qwil has not confirmed yet whether the group was created. Checking again in 20 seconds; it will not be done twice.'
        );
        expect(button(element, 'Create group')).toHaveProperty('disabled', true);
        await expect(element).toBeAccessible();
        expect(recheck.delayMs).toBe(20_000);
        recheck.run();
        await flushPromises();

        expect(mockCreate).toHaveBeenCalledTimes(2);
        expect(new Set(mockBeginWrite.mock.calls.map(([params]) => params.idempotencyKey)).size).toBe(1);
        expect(changes.mock.calls[0][0].detail).toBe(change);
    });

    it('asks for a name before saving', async () => {
        const element = await render({ defaultName: null });

        button(element, 'Create group').click();
        await flushPromises();

        expect(query(element, '[data-id="problem"]')?.textContent).toBe('Enter a name for the group.');
        expect(mockCreate).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it("edits a group's name, identifier and description", async () => {
        const change = changeOf('Wei Household is saved.', weiFamilyDetail);
        mockUpdate.mockResolvedValue(change);
        const element = await render({ group: weiFamily });

        expect(query(element, 'c-qwil-modal')).toHaveProperty('heading', 'Edit Wei Family');
        expect([
            field(element, 'name')?.value,
            field(element, 'identifier')?.value,
            field(element, 'description')?.value
        ]).toEqual(['Wei Family', 'WeiFamily', 'Li Wei and her partner']);
        expect(query(element, '[data-id="new-group-members"]')).toBeNull();
        typeInto(field(element, 'name'), 'Wei Household');
        typeInto(field(element, 'identifier'), '');
        button(element, 'Save').click();
        await flushPromises();

        expect(mockUpdate).toHaveBeenCalledWith({
            recordId: RECORD_ID,
            groupUuid: WEI_FAMILY_UUID,
            name: 'Wei Household',
            identifier: '',
            description: 'Li Wei and her partner'
        });
        expect(changes.mock.calls[0][0].detail).toBe(change);
        await expect(element).toBeAccessible();
    });

    it('says clearly when the identifier is taken, keeping what was typed', async () => {
        mockUpdate.mockRejectedValue(
            apexError(
                'This identifier is already used in Qwil, where identifiers must be unique. Choose another identifier and save again.'
            )
        );
        const element = await render({ group: weiFamily });

        typeInto(field(element, 'identifier'), 'AdvisoryDesk');
        button(element, 'Save').click();
        await flushPromises();

        expect(normalisedTextSeen(element)).toContain(
            'The group could not be saved This identifier is already used in Qwil, where identifiers must be unique. Choose another identifier and save again.'
        );
        expect(field(element, 'identifier')?.value).toBe('AdvisoryDesk');
        expect(changes).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('closes on Cancel without saving', async () => {
        const closed = jest.fn();
        const element = await render({ group: weiFamily });
        element.addEventListener('close', closed);

        button(element, 'Cancel').click();

        expect(closed).toHaveBeenCalledTimes(1);
        expect(mockUpdate).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });
});
