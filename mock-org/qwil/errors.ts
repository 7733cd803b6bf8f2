/**
 * Every error the mock Qwil answers. R… codes are Qwil's own (seen in Qwil's sample code);
 * QX… codes are ours, for cases Qwil does not publish a code for. HTTP statuses are our choice.
 */
export const ERROR_CATALOGUE = {
    RU001: { status: 401, meaning: 'API key or secret invalid (also: missing, or another region)' },
    RU002: { status: 401, meaning: 'API key deactivated (revoked)' },
    RF736: { status: 400, meaning: 'Super key used without on-behalf-of-entity-uuid' },
    RF841: { status: 400, meaning: 'on-behalf-of-entity-uuid sent with a key that is not a Super key' },
    RN006: { status: 404, meaning: 'Not found' },
    RF024: { status: 403, meaning: 'Qwil user not currently active' },
    RF731: { status: 403, meaning: 'The key lacks the permission "This key can create SDK tokens"' },
    RF888: { status: 403, meaning: "Qwil's SDK feature is not enabled for the organisation" },
    RB785: { status: 400, meaning: 'SDK session request names neither identifier nor entity_user_xref_uuid' },
    RB035: { status: 403, meaning: 'SDK session for a profile that cannot log in (invitation not accepted yet)' },
    RN900: { status: 403, meaning: 'Organisation inactive in Qwil' },
    RN902: { status: 403, meaning: 'Organisation frozen in Qwil' },
    QX001: { status: 400, meaning: 'Validation failed (the field is named)' },
    QX010: { status: 403, meaning: 'The key lacks the permission flag this endpoint needs' },
    QX011: { status: 403, meaning: "The caller's address is outside the key's CIDR blocks" },
    QX020: { status: 409, meaning: 'Primary email already in use in the organisation' },
    QX021: { status: 409, meaning: 'Identifier already in use in the organisation' },
    QX030: { status: 409, meaning: 'The last active staff member cannot leave a group that contains clients' },
    QX031: { status: 409, meaning: 'A client must be in a group that has an active staff member' },
    QX040: { status: 409, meaning: 'A chat has at most 100 active participants' },
    QX041: { status: 403, meaning: 'Only staff members create chats or add chat participants' },
    QX042: { status: 409, meaning: 'A staff-only chat cannot include clients' },
    QX043: { status: 403, meaning: 'Not an active participant of the chat' },
    QX050: { status: 409, meaning: 'Staff and client type cannot change' },
    QX060: { status: 409, meaning: 'Not allowed in the membership’s current status' },
    QX404: { status: 404, meaning: 'No such endpoint' },
    QX429: { status: 429, meaning: 'Rate limit exceeded; see Retry-After' },
    QX500: { status: 500, meaning: 'Injected fault (control surface); the status is the one injected' }
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class QwilError extends Error {
    readonly status: number;

    constructor(
        readonly code: ErrorCode,
        message: string,
        readonly field?: string,
        status?: number
    ) {
        super(message);
        this.name = 'QwilError';
        this.status = status ?? ERROR_CATALOGUE[code].status;
    }

    toBody(): { error_code: string; message: string; field?: string } {
        return this.field === undefined
            ? { error_code: this.code, message: this.message }
            : { error_code: this.code, message: this.message, field: this.field };
    }
}

export function validationError(field: string, problem: string): QwilError {
    return new QwilError('QX001', `${field}: ${problem}`, field);
}

export function notFound(what: string, field?: string): QwilError {
    return new QwilError('RN006', `${what} not found`, field);
}
