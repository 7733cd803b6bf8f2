import type { StoredRecord } from '../records/recordStore';
import type { UserAccess } from './userAccess';

export type OrganizationWideDefault = 'Private' | 'Read' | 'ReadWrite';
export type ShareAccess = 'Read' | 'Edit';

export interface ShareEntry {
    readonly recordId: string;
    readonly userId: string;
    readonly access: ShareAccess;
}

/** Record visibility: org-wide defaults, ownership, manual shares, and the "view all" / "modify all" permissions. */
export class SharingModel {
    constructor(
        private readonly defaults: ReadonlyMap<string, OrganizationWideDefault>,
        private readonly shares: readonly ShareEntry[]
    ) {}

    canRead(access: UserAccess, record: StoredRecord): boolean {
        if (access.hasUserPermission('ViewAllData') || access.objectPermission(record.attributes.type).viewAll)
            return true;
        return (
            this.canEdit(access, record) ||
            this.defaultOf(record) === 'Read' ||
            this.sharedWith(access, record, ['Read', 'Edit'])
        );
    }

    canEdit(access: UserAccess, record: StoredRecord): boolean {
        if (access.hasUserPermission('ModifyAllData') || access.objectPermission(record.attributes.type).modifyAll)
            return true;
        if (this.defaultOf(record) === 'ReadWrite' || record['OwnerId'] === access.userId) return true;
        return this.sharedWith(access, record, ['Edit']);
    }

    private defaultOf(record: StoredRecord): OrganizationWideDefault {
        // Objects the seed gives no default (User here) are readable by all internal users, as the platform ships them.
        return this.defaults.get(record.attributes.type) ?? 'Read';
    }

    private sharedWith(access: UserAccess, record: StoredRecord, levels: readonly ShareAccess[]): boolean {
        return this.shares.some(
            (share) => share.recordId === record.Id && share.userId === access.userId && levels.includes(share.access)
        );
    }
}
