import type { StoredRecord } from '../records/recordStore';
import type { UserAccess } from './userAccess';

export type OrganizationWideDefault = 'Private' | 'Read' | 'ReadWrite';
export type ShareAccess = 'Read' | 'Edit';

export interface ShareEntry {
    readonly recordId: string;
    readonly userId: string;
    readonly access: ShareAccess;
}

/** Record visibility: org-wide defaults, ownership, manual shares, and the "view all" permissions. */
export class SharingModel {
    constructor(
        private readonly defaults: ReadonlyMap<string, OrganizationWideDefault>,
        private readonly shares: readonly ShareEntry[]
    ) {}

    canRead(access: UserAccess, record: StoredRecord): boolean {
        const type = record.attributes.type;
        if (access.hasUserPermission('ViewAllData') || access.hasUserPermission('ModifyAllData')) return true;
        if (access.objectPermission(type).viewAll) return true;
        if ((this.defaults.get(type) ?? 'Read') !== 'Private') return true;
        if (record['OwnerId'] === access.userId) return true;
        return this.shares.some((share) => share.recordId === record.Id && share.userId === access.userId);
    }
}
