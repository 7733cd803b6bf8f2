import type { MockOrg } from '../platform/mockOrg';
import type { MockQwil } from '../qwil';

// Finders the integration tests share: a seeded record's id by its name, and the mock Qwil's records.

/** The id of the `objectApiName` record named `name`; fails the test when the org has none. */
export function recordIdByName(org: MockOrg, objectApiName: 'Contact' | 'Account', name: string): string {
    const record = org.records.all(objectApiName).find((candidate) => candidate['Name'] === name);
    if (!record) throw new Error(`No ${objectApiName} named ${name} in the org`);
    return record.Id;
}

/**
 * The record whose page shows the client named `name`: a Person Account's page is the Account's (its
 * Contact carries the same name), any other client's the Contact's.
 */
export function clientRecordId(org: MockOrg, name: string): string {
    const personAccount = org.records
        .all('Account')
        .find((account) => account['Name'] === name && account['IsPersonAccount'] === true);
    return personAccount?.Id ?? recordIdByName(org, 'Contact', name);
}

export const qwilGroup = (qwil: MockQwil, groupUuid: string) =>
    qwil.control.snapshot().groups.find((group) => group.group_uuid === groupUuid);

export const qwilGroupNamed = (qwil: MockQwil, name: string) =>
    qwil.control.snapshot().groups.find((group) => group.name === name);

export const qwilGroupMembers = (qwil: MockQwil, groupUuid: string) => qwilGroup(qwil, groupUuid)?.member_xref_uuids;

export const qwilChat = (qwil: MockQwil, chatUuid: string) =>
    qwil.control.snapshot().chats.find((chat) => chat.chat_uuid === chatUuid);

export const qwilMembershipsWithEmail = (qwil: MockQwil, email: string) =>
    qwil.control.snapshot().memberships.filter((membership) => membership.primary_email === email);
