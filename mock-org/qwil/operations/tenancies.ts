import type { Tenancy, TenancyLookupQuery } from '../../../force-app/server/qwil/schemas';
import { sameEmail } from '../model/lookups';
import type { OrganisationRecord, QwilState } from '../model/types';
import { type Page, pageByOffset } from '../paging';

/** One person's memberships (matched by primary email, case-insensitively) in the organisations the key reaches. */
export function tenanciesOf(
    state: QwilState,
    reachable: readonly OrganisationRecord[],
    query: TenancyLookupQuery
): Page<Tenancy> {
    const tenancies = reachable.flatMap((organisation) =>
        state.memberships
            .filter(
                (m) => m.entity_uuid === organisation.entity_uuid && sameEmail(m.primary_email, query.primary_email)
            )
            .map((m): Tenancy => ({
                entity: {
                    entity_uuid: organisation.entity_uuid,
                    name: organisation.name,
                    avatar_url: organisation.avatar_url,
                    logo_url: organisation.logo_url
                },
                user: { entity_user_xref_uuid: m.entity_user_xref_uuid, role: m.role, status: m.status }
            }))
    );
    return pageByOffset(tenancies, query);
}
