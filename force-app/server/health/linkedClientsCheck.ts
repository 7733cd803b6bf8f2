import { QwilClient } from '../qwil/qwilClient';
import type { Membership } from '../qwil/schemas';
import { fail, FIX_SETTINGS_FIRST, pass, warn, type CheckResult, type SettingsState } from './checkResult';
import { checkedOrganisation } from './checkedOrganisation';
import { fixFor, type AdminQwil, type AdminUser } from './qwilCallChecks';

const TITLE = 'Qwil clients are linked to their Salesforce records';
/** Pages of 100 clients the check reads at most, within one transaction's 100 callouts. */
const MAX_PAGES = 90;
const WHERE_LINK = 'Setup > Link existing Qwil clients';

/** Whether an identifier is the id of a Contact or Person Account of this org (the org decides, not Qwil). */
export type IsClientRecordId = (identifier: string) => boolean;

/**
 * How many of the organisation's Qwil clients carry a Salesforce record id as their identifier. With the
 * Salesforce Record ID lookup, an unlinked client shows as not invited on their record, so it warns.
 */
export async function linkedClientsCheck(
    qwil: AdminQwil,
    state: SettingsState,
    admin: AdminUser,
    isClientRecordId: IsClientRecordId
): Promise<CheckResult> {
    if (!state.ok)
        return fail(
            'linked-clients',
            TITLE,
            'Cannot check: the metadata record is missing or invalid.',
            FIX_SETTINGS_FIRST
        );
    if (!qwil.ok) return fail('linked-clients', TITLE, qwil.problem, 'Correct the named credential first.');
    let inWords = '';
    try {
        const organisation = await checkedOrganisation(qwil.http, state.settings.usingSuperApiKey, admin);
        inWords = organisation.inWords;
        const memberships = new QwilClient(qwil.http, { entityUuid: organisation.entityUuid }).memberships;
        const isLinked = (client: Membership) => isClientRecordId(client.identifier?.trim() ?? '');
        let linked = 0;
        let total = 0;
        let cursor: string | null = null;
        let pages = 0;
        do {
            const page = await memberships.listMembershipsPage({ role: 'client' }, cursor);
            total += page.entity_memberships.length;
            linked += page.entity_memberships.filter(isLinked).length;
            cursor = page.next_cursor;
            pages += 1;
        } while (cursor && pages < MAX_PAGES);
        const counted = cursor ? `the first ${total}` : `${total}`;
        const found = `${inWords}${linked} of ${counted} Qwil clients are linked to a Contact or Person Account (their Qwil identifier is the record's id).`;
        const unlinked = total - linked;
        if (unlinked === 0) return pass('linked-clients', TITLE, found);
        const consequence =
            state.settings.clientLookupType === 'Salesforce Record ID'
                ? ` With the Salesforce Record ID lookup, the other ${unlinked} show as not invited on their records.`
                : ` The Email lookup finds them anyway; the Salesforce Record ID lookup would not.`;
        return warn(
            'linked-clients',
            TITLE,
            `${found}${consequence}`,
            `Run a dry run in ${WHERE_LINK} (or npm run link:clients -- --dry-run), check the conflicts, then apply it.`
        );
    } catch (error) {
        return fail(
            'linked-clients',
            TITLE,
            `${inWords}The call failed: ${error instanceof Error ? error.message : String(error)}`,
            fixFor(error)
        );
    }
}
