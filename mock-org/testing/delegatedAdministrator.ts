import type { MockOrg } from '../platform/mockOrg';

/**
 * Makes a user a delegated administrator for the rest of the org's life: Customize Application and
 * every Apex class, without View All Data, so sharing still hides records from them (the linking job's
 * "a record the job's user cannot read" case).
 */
export function makeDelegatedAdministrator(org: MockOrg, userId: string): void {
    const accessOf = org.accessOf.bind(org);
    org.accessOf = (id) => {
        const access = accessOf(id);
        if (id !== userId) return access;
        const has = access.hasUserPermission.bind(access);
        access.hasUserPermission = (permission) => permission === 'CustomizeApplication' || has(permission);
        access.canRunApexClass = () => true;
        return access;
    };
}
