import type { Http } from '../platform/context';
import { QwilClient } from '../qwil/qwilClient';
import { CHOSEN_ORGANISATION_FIELD } from '../services/organisation';
import type { AdminUser } from './qwilCallChecks';

/** The Qwil organisation a check acts in, and how its detail names it ('' with a System API key). */
export interface CheckedOrganisation {
    readonly entityUuid: string | null;
    readonly inWords: string;
}

const OWN_ORGANISATION: CheckedOrganisation = { entityUuid: null, inWords: '' };

/**
 * With a Super API key, the organisation the admin's checks act in, as the tab would pick it: the one the
 * admin chose on a Qwil Messenger tab (remembered in their `Qwil_Organisation__c`) among the organisations
 * Qwil lists for their email, else the first of them. With a System API key, the key's own organisation.
 */
export async function checkedOrganisation(
    http: Http,
    usingSuperApiKey: boolean,
    admin: AdminUser
): Promise<CheckedOrganisation> {
    if (!usingSuperApiKey) return OWN_ORGANISATION;
    const tenancies = await new QwilClient(http).memberships.listTenancies(String(admin['Email']));
    const organisations = tenancies.map((tenancy) => tenancy.entity);
    const chosen = organisations.find((organisation) => organisation.entity_uuid === admin[CHOSEN_ORGANISATION_FIELD]);
    if (chosen) return { entityUuid: chosen.entity_uuid, inWords: `In ${chosen.name} (your chosen organisation): ` };
    const [first] = organisations;
    if (!first) return OWN_ORGANISATION;
    if (organisations.length === 1) return { entityUuid: first.entity_uuid, inWords: `In ${first.name}: ` };
    return {
        entityUuid: first.entity_uuid,
        inWords: `In ${first.name}, the first of your ${organisations.length} organisations (choose one on a Qwil Messenger tab to check it here instead): `
    };
}
