import { AuraHandledException } from '../platform/exceptions';
import { CalloutException } from '../platform/http';
import { QwilApiError } from './qwilTransport';

const NAMED_CREDENTIAL_CHECK =
    'Ask your administrator to check the named credential Qwil_Messenger_Salesforce_Connector.';
const DISABLED = 'Qwil is currently disabled for this organisation. Contact your Qwil administrator.';

/** What staff are told for a Qwil error code, and (for codes Qwil's samples handle) what an administrator does about it. */
type KnownCode =
    | { readonly staff: string; readonly cause?: never; readonly fix?: never }
    /** For administrators also what Qwil's code means and how to fix it. */
    | { readonly staff: string; readonly cause: string; readonly fix: string };

/**
 * Qwil's known error codes: the R codes are those Qwil's public samples handle (QwilSdk.cls,
 * QwilSdkAuth.cls; their meaning from the samples' comments), the QX codes are the mock Qwil's
 * own (mock-org/qwil/REFERENCE.md). Each staff message says what to do next, without the code.
 */
export const KNOWN_CODES: Readonly<Record<string, KnownCode>> = {
    RU001: {
        staff: `Qwil Messenger cannot sign in to Qwil: the System API key in the named credential is not accepted. ${NAMED_CREDENTIAL_CHECK}`,
        cause: 'the API key or its secret is not valid',
        fix: 'in Setup, enter both again in the named credential Qwil_Messenger_Salesforce_Connector, exactly as Qwil showed them when the key was created'
    },
    RU002: {
        staff: 'The System API key Qwil Messenger uses has been deactivated in Qwil. Ask your administrator to create a new key and update the named credential.',
        cause: 'the API key is deactivated in Qwil',
        fix: 'create a new System API key in Qwil with the permissions the install guide lists, then enter its key and secret in the named credential Qwil_Messenger_Salesforce_Connector'
    },
    RF736: {
        staff: 'Qwil Messenger is set up with a Super API key but no organisation was chosen. Ask your administrator to check the "Using Super API Key" setting.',
        cause: 'the key is a Super API key, which must name an organisation on each call',
        fix: 'check "Using Super API Key" in the Qwil Messenger custom metadata record, or use an ordinary System API key'
    },
    RF841: {
        staff: 'The System API key is not a Super API key, but the connector is set to use one. Ask your administrator to uncheck "Using Super API Key".',
        cause: 'the key is not a Super API key',
        fix: 'uncheck "Using Super API Key" in the Qwil Messenger custom metadata record, or enter a Super API key in the named credential'
    },
    RF731: {
        staff: "The System API key Qwil Messenger uses lacks a permission Qwil requires for this. Ask your administrator to check the key's permissions in Qwil.",
        cause: 'the key lacks the "create SDK tokens" permission, which a Super API key needs',
        fix: 'in Qwil, create a key with that permission and enter it in the named credential Qwil_Messenger_Salesforce_Connector'
    },
    RF024: {
        staff: 'Your Qwil account is currently inactive. Ask your Qwil administrator to reactivate it.',
        cause: "a Qwil account this action needs (the user's own staff account, or a person being added) is not active",
        fix: 'reactivate or unsuspend it in Qwil'
    },
    RN006: {
        staff: 'Qwil could not locate your Qwil account or what this action refers to: it may have been removed or changed in Qwil meanwhile. Reopen the tab to see the current state; if it keeps happening, ask your administrator.',
        cause: 'Qwil found nothing for an account, group, chat or organisation the connector named',
        fix: "check that the user's Staff ID value matches their Qwil account and, with a Super API key, that they still belong to the chosen organisation"
    },
    RB035: {
        staff: 'Qwil could not locate your Qwil account: it exists but cannot sign in. Ask your Qwil administrator to check your Qwil account.',
        cause: 'Qwil matched a profile that cannot log in (for example an invitation that was never accepted)',
        fix: "check the person's account in Qwil"
    },
    RB785: {
        staff: 'Qwil Messenger did not tell Qwil which Qwil account to act for. Reopen the tab and try again; if it keeps happening, ask your administrator.',
        cause: 'Qwil received a request without an identifier or entity_user_xref_uuid',
        fix: "check that the user's Staff ID field has a value that matches their Qwil account"
    },
    RN900: {
        staff: DISABLED,
        cause: 'Qwil reports the organisation as inactive',
        fix: 'contact Qwil support to reactivate it'
    },
    RN902: {
        staff: DISABLED,
        cause: 'Qwil reports the organisation as frozen',
        fix: 'contact Qwil support to unfreeze it'
    },
    RF888: {
        staff: 'A Qwil feature Qwil Messenger needs is not enabled for this organisation. Ask your administrator to contact Qwil.',
        cause: "Qwil's SDK feature is not enabled for the organisation",
        fix: 'ask Qwil support to enable it'
    },
    QX021: {
        staff: 'This identifier is already used in Qwil, where identifiers must be unique. Choose another identifier and save again.'
    },
    QX030: {
        staff: 'Qwil refused: this is the last active staff member of a group with clients, and clients must always have an active staff member to talk to. Add another active staff member first.'
    },
    QX031: {
        staff: 'Qwil refused: a client must always be in at least one group that has an active staff member. Add the client to another group, or add an active staff member, first.'
    },
    QX040: { staff: 'A Qwil chat can have at most 100 active participants. Add fewer people and try again.' },
    QX041: {
        staff: 'Only Qwil staff can start chats or add people to them. Ask your administrator to check your Qwil account.'
    },
    QX042: { staff: 'A staff-only chat cannot include clients. Start an ordinary chat with the client instead.' },
    QX043: {
        staff: 'You are not an active participant of this chat in Qwil, so you cannot write in it. Reopen the chat to see its current participants.'
    }
};

/** For an answer without a known code: what it means for staff and what to do next, by HTTP status. */
const MESSAGES_BY_STATUS: Record<number, string> = {
    401: 'Qwil did not accept the sign-in of Qwil Messenger. Ask your administrator to check the named credential Qwil_Messenger_Salesforce_Connector.',
    403: 'Qwil does not allow this action for Qwil Messenger or for your Qwil account. Ask your Qwil administrator to check the permissions of the System API key and of your account.',
    404: 'Qwil could not find what this action refers to: it may have been changed or removed in Qwil meanwhile. Reopen the tab to see the current state.',
    409: 'This conflicts with a change made in Qwil meanwhile. Reopen the tab to see the current state, then try again if it is still needed.',
    422: 'Qwil did not accept the values sent. Check what you entered and try again; if it keeps happening, ask your administrator.'
};
const OTHER_REFUSAL =
    'Qwil refused the request. Reopen the tab and try again; if it keeps happening, ask your administrator.';
const UNREADABLE =
    'Qwil sent an answer Qwil Messenger cannot read, so it cannot tell what happened. Reopen the tab to see the current state before trying again; if it keeps happening, ask your administrator.';

/** Who reads the message: administrators (Customize Application) also get the technical detail behind it. */
export type Audience = 'staff' | 'administrator';

function withDetail(message: string, audience: Audience, detail: string): string {
    return audience === 'administrator' ? `${message} Detail for administrators: ${detail}.` : message;
}

/** Qwil's rate limit was reached: when Qwil said how long to wait (Retry-After), staff are told when to try again. */
export function rateLimitedMessage(retryAfterSeconds: number | null): string {
    if (retryAfterSeconds === null)
        return 'Qwil is receiving too many requests right now. Wait a minute and try again.';
    const wait =
        retryAfterSeconds <= 1
            ? 'a second'
            : retryAfterSeconds < 90
              ? `${retryAfterSeconds} seconds`
              : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
    return `Qwil is receiving too many requests right now. Try again in ${wait}.`;
}

function describeQwilAnswer(error: QwilApiError, audience: Audience): string {
    const known =
        error.errorCode && Object.hasOwn(KNOWN_CODES, error.errorCode) ? KNOWN_CODES[error.errorCode] : undefined;
    if (known)
        return known.fix
            ? withDetail(
                  known.staff,
                  audience,
                  `Qwil answered HTTP ${error.status} with code ${error.errorCode} (${known.cause}). To fix it: ${known.fix}`
              )
            : known.staff;
    if (error.status === 429) return rateLimitedMessage(error.retryAfterSeconds);
    if (error.status >= 500)
        return withDetail(
            'Qwil is not responding properly right now. Try again in a few minutes.',
            audience,
            `Qwil answered HTTP ${error.status}`
        );
    if (error.unreadable)
        return withDetail(UNREADABLE, audience, `Qwil answered HTTP ${error.status} with ${error.message}`);
    const code = error.errorCode ? ` with code ${error.errorCode}` : '';
    return withDetail(
        MESSAGES_BY_STATUS[error.status] ?? OTHER_REFUSAL,
        audience,
        `Qwil answered HTTP ${error.status}${code}: ${error.message}`
    );
}

/** A message for the running user for any failure of a Qwil call: staff words and a next step; codes only for administrators. */
export function describeQwilFailure(error: unknown, audience: Audience = 'staff'): string | null {
    if (error instanceof QwilApiError) return describeQwilAnswer(error, audience);
    if (error instanceof CalloutException) {
        return error.message === 'Read timed out'
            ? 'Qwil did not answer in time. Try again in a moment.'
            : withDetail(
                  `Qwil Messenger could not reach Qwil. ${NAMED_CREDENTIAL_CHECK}`,
                  audience,
                  `the callout failed with: ${error.message}`
              );
    }
    return null;
}

/**
 * Reads the new state after a write Qwil confirmed. If that read fails, the user is told the change
 * was made (so they do not repeat it) and how to see the result.
 */
export async function rereadAfterWrite<T>(done: string, reread: () => Promise<T>): Promise<T> {
    try {
        return await reread();
    } catch (error) {
        if (!(error instanceof QwilApiError || error instanceof CalloutException)) throw error;
        throw new AuraHandledException(
            `The change was made in Qwil: ${done} Qwil Messenger could not read the result back, so reopen the page to see it.`
        );
    }
}
