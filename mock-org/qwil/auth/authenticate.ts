import { OnBehalfOfEntityHeader, OnBehalfOfHeader } from '../../../force-app/server/qwil/schemas';
import { notFound, QwilError } from '../errors';
import { parseOrThrow } from '../http/validate';
import { findMembership } from '../model/lookups';
import type {
    ApiKeyRecord,
    MasterKeyRecord,
    MasterPermission,
    MembershipRecord,
    OrganisationRecord,
    Permission,
    QwilState
} from '../model/types';
import { addressInBlocks } from './cidr';
import { type KeyKind, readCredentials } from './credentials';
import { secretMatches } from './secrets';

export type CallerKey = { kind: 'system'; record: ApiKeyRecord } | { kind: 'master'; record: MasterKeyRecord };

export interface Caller {
    key: CallerKey;
    /** The organisation the call acts on. */
    organisation: OrganisationRecord;
    /** Organisations a cross-organisation lookup may search: a Super key reaches every one in its region. */
    reachable: OrganisationRecord[];
    /** A Super key's lookup without on-behalf-of-entity-uuid acts in no single organisation. */
    acrossOrganisations: boolean;
}

export interface AuthenticationRules {
    /** System keys are accepted everywhere; Master User keys on chat-service only. */
    accepts: readonly KeyKind[];
    /** Cross-organisation lookups: a Super key may omit on-behalf-of-entity-uuid. */
    crossOrganisation: boolean;
}

const ENTITY_HEADER = 'on-behalf-of-entity-uuid';
const ACTOR_HEADER = 'on-behalf-of';

/**
 * Who is calling, checked in this order: credentials (RU001), key kind accepted here (RU001),
 * region (RU001), revoked (RU002), caller address against CIDR blocks (QX011), Super-key
 * organisation header (RF736 / RF841 / RN006), organisation enabled (RN900 / RN902).
 */
export function authenticate(
    request: Request,
    region: string,
    state: QwilState,
    callerAddress: string,
    rules: AuthenticationRules
): Caller {
    const credentials = readCredentials(request.headers);
    const key = findKey(state, credentials.kind, credentials.key);
    if (!key || !secretMatches(key.record.secretSalt, key.record.secretHash, credentials.secret)) {
        throw new QwilError('RU001', 'Invalid API key or secret');
    }
    if (!rules.accepts.includes(key.kind))
        throw new QwilError('RU001', 'Master User API keys are accepted by chat-service only');
    const home = state.organisations.find((o) => o.entity_uuid === key.record.entityUuid);
    if (!home || home.region !== region) throw new QwilError('RU001', 'Invalid API key or secret');
    if (key.record.revoked) throw new QwilError('RU002', 'This API key has been deactivated');
    if (key.record.cidrBlocks.length > 0 && !addressInBlocks(callerAddress, key.record.cidrBlocks)) {
        throw new QwilError('QX011', `Address ${callerAddress} is not allowed by this key's CIDR blocks`);
    }
    const caller = resolveOrganisation(request, state, key, home, rules.crossOrganisation);
    if (!caller.acrossOrganisations) assertEnabled(caller.organisation);
    return caller;
}

function findKey(state: QwilState, kind: KeyKind, key: string): CallerKey | null {
    if (kind === 'system') {
        const record = state.apiKeys.find((k) => k.key === key);
        return record ? { kind, record } : null;
    }
    const record = state.masterKeys.find((k) => k.key === key);
    return record ? { kind, record } : null;
}

function resolveOrganisation(
    request: Request,
    state: QwilState,
    key: CallerKey,
    home: OrganisationRecord,
    crossOrganisation: boolean
): Caller {
    const header = request.headers.get(ENTITY_HEADER);
    if (key.kind === 'master' || !key.record.isSuper) {
        if (header !== null) throw new QwilError('RF841', `${ENTITY_HEADER} is only accepted from a Super key`);
        return { key, organisation: home, reachable: [home], acrossOrganisations: false };
    }
    if (header === null) {
        if (!crossOrganisation) throw new QwilError('RF736', `A Super key must send ${ENTITY_HEADER}`);
        // Disabled organisations stay listed: the status is answered (RN900 / RN902) by the calls that act in one.
        const reachable = state.organisations.filter((o) => o.region === home.region);
        return { key, organisation: home, reachable, acrossOrganisations: true };
    }
    const entityUuid = parseOrThrow(OnBehalfOfEntityHeader, header, ENTITY_HEADER);
    const organisation = state.organisations.find((o) => o.entity_uuid === entityUuid && o.region === home.region);
    if (!organisation) throw notFound(`Organisation ${entityUuid}`, ENTITY_HEADER);
    return { key, organisation, reachable: [organisation], acrossOrganisations: false };
}

function assertEnabled(organisation: OrganisationRecord): void {
    if (organisation.status === 'inactive') throw new QwilError('RN900', `${organisation.name} is inactive in Qwil`);
    if (organisation.status === 'frozen') throw new QwilError('RN902', `${organisation.name} is frozen in Qwil`);
}

const PERMISSION_NAMES: Record<Permission, string> = {
    canExportData: 'This key can export data',
    canReadOnly: 'This key can perform read-only actions',
    canWriteOnly: 'This key can perform write-only actions',
    canDataReview: 'This key can perform data reviewer actions',
    canCreateSdkTokens: 'This key can create SDK tokens'
};

const MASTER_PERMISSION_NAMES: Record<MasterPermission, string> = {
    canReadChat: 'This key can perform read-only chat actions',
    canWriteChat: 'This key can perform write-only chat actions',
    canExportData: 'This key can export data',
    canReadContacts: 'This key can perform read-only contact actions'
};

/** The flag an endpoint needs, for each kind of key it accepts. */
export interface RequiredPermission {
    system: Permission;
    master?: MasterPermission;
}

/** A missing flag is QX010, except "create SDK tokens", whose code Qwil's samples show (RF731). */
export function requirePermission(key: CallerKey, required: RequiredPermission): void {
    if (key.kind === 'system') {
        if (key.record[required.system]) return;
        const code = required.system === 'canCreateSdkTokens' ? 'RF731' : 'QX010';
        throw new QwilError(code, `The key lacks the permission "${PERMISSION_NAMES[required.system]}"`);
    }
    if (required.master !== undefined && key.record[required.master]) return;
    const name =
        required.master === undefined
            ? 'a System API key'
            : `the permission "${MASTER_PERMISSION_NAMES[required.master]}"`;
    throw new QwilError('QX010', `This call needs ${name}`);
}

/** Chat-service calls act for one active membership of the organisation, named by `on-behalf-of`. */
export function resolveActor(request: Request, state: QwilState, entityUuid: string): MembershipRecord {
    const header = request.headers.get(ACTOR_HEADER);
    if (header === null) throw new QwilError('QX001', `${ACTOR_HEADER}: header is required`, ACTOR_HEADER);
    const xref = parseOrThrow(OnBehalfOfHeader, header, ACTOR_HEADER);
    const actor = findMembership(state, entityUuid, xref);
    if (!actor) throw notFound(`Membership ${xref}`, ACTOR_HEADER);
    if (actor.status !== 'active')
        throw new QwilError('RF024', `Membership ${xref} is not currently active`, ACTOR_HEADER);
    return actor;
}
