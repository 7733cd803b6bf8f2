import { OnBehalfOfEntityHeader, OnBehalfOfHeader } from '../../../force-app/server/qwil/schemas';
import { notFound, QwilError } from '../errors';
import { parseOrThrow } from '../http/validate';
import { findMembership } from '../model/lookups';
import type { ApiKeyRecord, MembershipRecord, OrganisationRecord, Permission, QwilState } from '../model/types';
import { addressInBlocks } from './cidr';
import { readCredentials } from './credentials';
import { secretMatches } from './secrets';

export interface Caller {
    key: ApiKeyRecord;
    /** The organisation the call acts on. */
    organisation: OrganisationRecord;
    /** Organisations a cross-organisation lookup may search: a Super key reaches every enabled one in its region. */
    reachable: OrganisationRecord[];
}

const ENTITY_HEADER = 'on-behalf-of-entity-uuid';
const ACTOR_HEADER = 'on-behalf-of';

/**
 * Who is calling, checked in this order: credentials (RU001), region (RU001), revoked (RU002),
 * caller address against CIDR blocks (QX011), Super-key organisation header (RF736 / RF841 / RN006),
 * organisation enabled (RN900 / RN902).
 */
export function authenticate(
    request: Request,
    region: string,
    state: QwilState,
    callerAddress: string,
    crossOrganisation: boolean
): Caller {
    const credentials = readCredentials(request.headers);
    const key = state.apiKeys.find((k) => k.key === credentials.key);
    if (!key || !secretMatches(key.secretSalt, key.secretHash, credentials.secret)) {
        throw new QwilError('RU001', 'Invalid API key or secret');
    }
    const home = state.organisations.find((o) => o.entity_uuid === key.entityUuid);
    if (!home || home.region !== region) throw new QwilError('RU001', 'Invalid API key or secret');
    if (key.revoked) throw new QwilError('RU002', 'This API key has been deactivated');
    if (key.cidrBlocks.length > 0 && !addressInBlocks(callerAddress, key.cidrBlocks)) {
        throw new QwilError('QX011', `Address ${callerAddress} is not allowed by this key's CIDR blocks`);
    }
    const caller = resolveOrganisation(request, state, key, home, crossOrganisation);
    assertEnabled(caller.organisation);
    return caller;
}

function resolveOrganisation(
    request: Request,
    state: QwilState,
    key: ApiKeyRecord,
    home: OrganisationRecord,
    crossOrganisation: boolean
): Caller {
    const header = request.headers.get(ENTITY_HEADER);
    if (!key.isSuper) {
        if (header !== null) throw new QwilError('RF841', `${ENTITY_HEADER} is only accepted from a Super key`);
        return { key, organisation: home, reachable: [home] };
    }
    if (header === null) {
        if (!crossOrganisation) throw new QwilError('RF736', `A Super key must send ${ENTITY_HEADER}`);
        const reachable = state.organisations.filter((o) => o.region === home.region && o.status === 'active');
        return { key, organisation: home, reachable };
    }
    const entityUuid = parseOrThrow(OnBehalfOfEntityHeader, header, ENTITY_HEADER);
    const organisation = state.organisations.find((o) => o.entity_uuid === entityUuid && o.region === home.region);
    if (!organisation) throw notFound(`Organisation ${entityUuid}`, ENTITY_HEADER);
    return { key, organisation, reachable: [organisation] };
}

function assertEnabled(organisation: OrganisationRecord): void {
    if (organisation.status === 'inactive') throw new QwilError('RN900', `${organisation.name} is inactive in Qwil`);
    if (organisation.status === 'frozen') throw new QwilError('RN902', `${organisation.name} is frozen in Qwil`);
}

const PERMISSION_NAMES: Record<Permission, string> = {
    canExportData: 'This key can export data',
    canReadOnly: 'This key can perform read-only actions',
    canWriteOnly: 'This key can perform write-only actions',
    canDataReview: 'This key can perform data reviewer actions'
};

export function requirePermission(key: ApiKeyRecord, permission: Permission): void {
    if (!key[permission]) {
        throw new QwilError('QX010', `The key lacks the permission "${PERMISSION_NAMES[permission]}"`);
    }
}

/** Chat-service calls act for one active membership of the organisation, named by `on-behalf-of`. */
export function resolveActor(request: Request, state: QwilState, entityUuid: string): MembershipRecord {
    const header = request.headers.get(ACTOR_HEADER);
    if (header === null) throw new QwilError('QX001', `${ACTOR_HEADER}: header is required`, ACTOR_HEADER);
    const xref = parseOrThrow(OnBehalfOfHeader, header, ACTOR_HEADER);
    const actor = findMembership(state, entityUuid, xref);
    if (!actor) throw notFound(`Membership ${xref}`, ACTOR_HEADER);
    if (actor.status !== 'active') throw new QwilError('RF024', `Membership ${xref} is not currently active`, ACTOR_HEADER);
    return actor;
}
