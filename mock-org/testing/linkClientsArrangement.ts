import { DEMO } from '../qwil';
import type { ConnectorHarness } from './connectorHarness';

/** The demo organisation's group new clients are imported into (Olivia Hart is its active staff). */
const IMPORT_GROUP = DEMO.groups.whitfieldRelationship;

export interface QwilClientSpec {
    readonly firstName: string;
    readonly lastName: string;
    readonly email: string;
    readonly identifier?: string | null;
    readonly status?: 'pending' | 'active' | 'suspended' | 'deactivated';
}

/** Clients created directly on Qwil (its client import), without identifiers unless given; their uuids. */
export function importQwilClients(harness: ConnectorHarness, clients: readonly QwilClientSpec[]): string[] {
    return harness.qwil.control.importClients({
        entityUuid: DEMO.organisations.harbourWealth,
        groupUuid: IMPORT_GROUP,
        clients: clients.map((client) => ({
            firstName: client.firstName,
            lastName: client.lastName,
            primaryEmail: client.email,
            identifier: client.identifier ?? null,
            status: client.status ?? 'active'
        }))
    });
}

/** A Contact owned by the user (username), as Salesforce would hold it; its id. */
export function insertContact(
    harness: ConnectorHarness,
    fields: { readonly firstName: string; readonly lastName: string; readonly email: string; readonly owner: string }
): string {
    return harness.org.records.insert('Contact', {
        FirstName: fields.firstName,
        LastName: fields.lastName,
        Email: fields.email,
        OwnerId: harness.org.requireUser(fields.owner).Id
    }).Id;
}

/** The Qwil identifier of a membership, as Qwil holds it now. */
export function identifierOf(harness: ConnectorHarness, uuid: string): string | null {
    const membership = harness.qwil.control.snapshot().memberships.find((m) => m.entity_user_xref_uuid === uuid);
    if (!membership) throw new Error(`No membership ${uuid}`);
    return membership.identifier;
}
