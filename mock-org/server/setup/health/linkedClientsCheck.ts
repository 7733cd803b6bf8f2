import { isValidId, toId18 } from '../../../../force-app/server/platform/salesforceId';
import { QwilClient } from '../../../../force-app/server/qwil/qwilClient';
import type { Membership } from '../../../../force-app/server/qwil/schemas';
import {
    fail,
    FIX_SETTINGS_FIRST,
    pass,
    warn,
    type CheckResult,
    type HealthCheckEnvironment,
    type SettingsState
} from './healthTypes';
import { adminHttp, fixFor, type Definitions } from './qwilChecks';

const TITLE = 'Qwil clients are linked to their Salesforce records';
/** Pages of 100 clients the check reads at most, within one transaction's 100 callouts. */
const MAX_PAGES = 90;
const WHERE_LINK = 'Setup > Link existing Qwil clients';

/** Whether the client's Qwil identifier is the id of a Contact or Person Account of this org. */
function isLinked(env: HealthCheckEnvironment, client: Membership): boolean {
    const identifier = client.identifier?.trim() ?? '';
    if (!isValidId(identifier)) return false;
    const record = env.org.records.get(toId18(identifier));
    return record?.attributes.type === 'Contact' || record?.attributes.type === 'Account';
}

/**
 * How many of the organisation's Qwil clients carry a Salesforce record id as their identifier. With the
 * Salesforce Record ID lookup, an unlinked client shows as not invited on their record, so it warns.
 */
export async function linkedClientsCheck(
    env: HealthCheckEnvironment,
    state: SettingsState,
    definitions: Definitions
): Promise<CheckResult> {
    if (!state.ok)
        return fail(
            'linked-clients',
            TITLE,
            'Cannot check: the metadata record is missing or invalid.',
            FIX_SETTINGS_FIRST
        );
    if (!definitions.ok)
        return fail('linked-clients', TITLE, definitions.problem, 'Correct the named credential first.');
    const http = adminHttp(env, definitions.all);
    try {
        const admin = env.org.requireUser(env.adminUserId);
        const entityUuid = state.settings.usingSuperApiKey
            ? ((await new QwilClient(http).listTenancies(String(admin['Email'])))[0]?.entity.entity_uuid ?? null)
            : null;
        const qwil = new QwilClient(http, { entityUuid });
        let linked = 0;
        let total = 0;
        let cursor: string | null = null;
        let pages = 0;
        do {
            const page = await qwil.listMembershipsPage({ role: 'client' }, cursor);
            total += page.entity_memberships.length;
            linked += page.entity_memberships.filter((client) => isLinked(env, client)).length;
            cursor = page.next_cursor;
            pages += 1;
        } while (cursor && pages < MAX_PAGES);
        const counted = cursor ? `the first ${total}` : `${total}`;
        const found = `${linked} of ${counted} Qwil clients are linked to a Contact or Person Account (their Qwil identifier is the record's id).`;
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
            `The call failed: ${error instanceof Error ? error.message : String(error)}`,
            fixFor(error)
        );
    }
}
