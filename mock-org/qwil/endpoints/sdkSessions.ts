import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { QwilError, validationError } from '../errors';
import { json, systemEndpoint } from '../http/endpoint';
import { findMembership } from '../model/lookups';
import type { MembershipRecord, OrganisationRecord, QwilState } from '../model/types';

/*
 * Qwil's SDK session, as both of Qwil's Salesforce samples call it. The connector itself never does,
 * so these schemas live here rather than with the connector's.
 */

/** The single-organisation sample sends `identifier`, the multi-organisation one `entity_user_xref_uuid`. */
export const SdkSessionRequest = z.strictObject({
    identifier: z.string().min(1).max(255).optional(),
    entity_user_xref_uuid: z.uuid().optional()
});
export type SdkSessionRequest = z.infer<typeof SdkSessionRequest>;

/** Every field either sample reads. */
export const SdkSessionResponse = z.strictObject({
    sdk_token: z.string().min(1),
    api_base_url: z.url(),
    entity_uuid: z.uuid(),
    entity_user_xref_uuid: z.uuid()
});
export type SdkSessionResponse = z.infer<typeof SdkSessionResponse>;

/**
 * In this order: SDK feature on (RF888), one of the two names given (RB785; both is QX001), the
 * membership found (RN006), able to log in (pending → RB035), active (suspended or deactivated → RF024).
 */
function sessionFor(state: QwilState, organisation: OrganisationRecord, body: SdkSessionRequest): SdkSessionResponse {
    if (!organisation.sdk_enabled) throw new QwilError('RF888', `Qwil's SDK is not enabled for ${organisation.name}`);
    const membership = sessionMembership(state, organisation.entity_uuid, body);
    if (membership.status === 'pending') {
        throw new QwilError(
            'RB035',
            `Membership ${membership.entity_user_xref_uuid} cannot log in: the invitation is not accepted yet`
        );
    }
    if (membership.status !== 'active')
        throw new QwilError('RF024', `Membership ${membership.entity_user_xref_uuid} is not currently active`);
    return {
        // Opaque and not kept: the mock does not serve the SDK app that would redeem it.
        sdk_token: `sdk_${randomBytes(24).toString('base64url')}`,
        api_base_url: `https://${organisation.region}.qwil.io`,
        entity_uuid: organisation.entity_uuid,
        entity_user_xref_uuid: membership.entity_user_xref_uuid
    };
}

function sessionMembership(state: QwilState, entityUuid: string, body: SdkSessionRequest): MembershipRecord {
    const { identifier, entity_user_xref_uuid: xref } = body;
    if (identifier === undefined && xref === undefined) {
        throw new QwilError('RB785', 'Send identifier or entity_user_xref_uuid to name the user the session is for');
    }
    if (identifier !== undefined && xref !== undefined)
        throw validationError('body', 'send identifier or entity_user_xref_uuid, not both');
    const membership =
        xref !== undefined
            ? findMembership(state, entityUuid, xref)
            : state.memberships.find((m) => m.entity_uuid === entityUuid && m.identifier === identifier);
    if (membership) return membership;
    const field = xref !== undefined ? 'entity_user_xref_uuid' : 'identifier';
    throw new QwilError('RN006', `No Qwil account with this ${field}`, field);
}

export const sdkSessionEndpoints = [
    systemEndpoint({
        method: 'post',
        path: 'sdk/sessions/create',
        permission: 'canCreateSdkTokens',
        input: SdkSessionRequest,
        handle: ({ state, caller }, body) => sessionFor(state, caller.organisation, body),
        respond: json(SdkSessionResponse)
    })
];
