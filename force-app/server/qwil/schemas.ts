import { z } from 'zod';

/**
 * Qwil request and response bodies, declared once. The connector's Qwil client parses every
 * response with these; the mock Qwil validates every request with them.
 * Where Qwil does not publish a body, the shape is our choice (see mock-org/qwil/REFERENCE.md).
 */

/** Every non-2xx Qwil response carries a JSON body with an `error_code` (documented by Qwil). */
export const QwilErrorBody = z.object({
    error_code: z.string(),
    message: z.string()
});
export type QwilErrorBody = z.infer<typeof QwilErrorBody>;

export const MembershipStatus = z.enum(['pending', 'active', 'suspended', 'deactivated']);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

export const MembershipRole = z.enum(['system_admin', 'user_admin', 'staff', 'client']);
export type MembershipRole = z.infer<typeof MembershipRole>;

/** A person's membership of one Qwil organisation (our choice of fields, named as Qwil's API names them). */
export const Membership = z.object({
    entity_user_xref_uuid: z.uuid(),
    entity_uuid: z.uuid(),
    first_name: z.string(),
    last_name: z.string(),
    job_title: z.string(),
    primary_email: z.string(),
    identifier: z.string().nullable(),
    invitation_phone_number: z.string().nullable(),
    role: MembershipRole,
    status: MembershipStatus,
    invited_at: z.iso.datetime(),
    joined_at: z.iso.datetime().nullable()
});
export type Membership = z.infer<typeof Membership>;

/** GET /entity-service/sys-api/entity-memberships?identifier=… | ?primary_email=… | ?entity_user_xref_uuid=… */
export const MembershipLookupQuery = z.union([
    z.strictObject({ identifier: z.string().min(1) }),
    z.strictObject({ primary_email: z.string().min(1) }),
    z.strictObject({ entity_user_xref_uuid: z.uuid() })
]);
export type MembershipLookupQuery = z.infer<typeof MembershipLookupQuery>;

export const MembershipLookupResponse = z.object({ entity_membership: Membership });
export type MembershipLookupResponse = z.infer<typeof MembershipLookupResponse>;
