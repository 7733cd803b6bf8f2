import type { MockOrg } from '../platform/mockOrg';
import { STANDARD_OBJECTS } from '../platform/records/schema';
import type { MockQwil } from '../qwil';

/** Every record of the mock org, as one string: two equal snapshots mean no record was inserted or changed. */
export function orgRecordsSnapshot(org: MockOrg): string {
    return JSON.stringify(STANDARD_OBJECTS.map((object) => org.records.all(object.name)));
}

/** The whole mock Qwil state (organisations, memberships, groups, chats, keys), as one string. */
export function qwilStateSnapshot(qwil: MockQwil): string {
    return JSON.stringify(qwil.control.snapshot());
}
