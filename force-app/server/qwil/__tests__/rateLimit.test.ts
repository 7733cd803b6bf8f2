import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { QwilClient } from '../qwilClient';
import { describeQwilFailure, rateLimitedMessage } from '../qwilErrorMessages';
import { QwilApiError, retryAfterSeconds } from '../qwilTransport';
import { CLIENT, membership, STAFF } from './minimalAnswers';
import { scriptedQwil, type ScriptedAnswer } from './scriptedQwil';

// Qwil's rate limit is shared by the whole org: a 429 is retried at most once, only for a read and
// only when Qwil asks for a short wait; otherwise staff are told when to try again.
const rateLimited = (retryAfter?: string): ScriptedAnswer => ({
    status: 429,
    body: { error_code: 'QX429', message: 'Too many requests' },
    headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter }
});
const found: ScriptedAnswer = { body: { entity_membership: membership(STAFF, 'staff') } };

async function failureOf(work: Promise<unknown>): Promise<unknown> {
    try {
        await work;
    } catch (error) {
        return error;
    }
    throw new Error('Expected the call to fail');
}

afterEach(() => {
    jest.useRealTimers();
});

describe("Qwil's rate limit", () => {
    it('retries a read once after the short wait Qwil asks for', async () => {
        jest.useFakeTimers();
        const http = scriptedQwil({ 'GET entity-memberships': [rateLimited('1'), found] });
        const lookup = new QwilClient(http).memberships.findMembership({ identifier: 'olivia' });
        await jest.advanceTimersByTimeAsync(1000);
        expect((await lookup)?.entity_user_xref_uuid).toBe(STAFF);
        expect(http.sent).toHaveLength(2);
    });

    it('never retries twice: a second 429 tells staff when to try again', async () => {
        jest.useFakeTimers();
        const http = scriptedQwil({ 'GET entity-memberships': [rateLimited('1'), rateLimited('2'), found] });
        const lookup = failureOf(new QwilClient(http).memberships.findMembership({ identifier: 'olivia' }));
        await jest.advanceTimersByTimeAsync(1000);
        expect(describeQwilFailure(await lookup)).toBe(
            'Qwil is receiving too many requests right now. Try again in 2 seconds.'
        );
        expect(http.sent).toHaveLength(2);
    });

    it('does not wait when Qwil asks for longer, and says when to try again', async () => {
        const http = scriptedQwil({ 'GET entity-memberships': rateLimited('45') });
        const error = await failureOf(new QwilClient(http).memberships.findMembership({ identifier: 'olivia' }));
        expect(error).toBeInstanceOf(QwilApiError);
        expect(describeQwilFailure(error)).toBe(
            'Qwil is receiving too many requests right now. Try again in 45 seconds.'
        );
        expect(http.sent).toHaveLength(1);
    });

    it('does not retry a write, even after a short wait', async () => {
        const http = scriptedQwil({ 'POST entity-memberships/invitations/resend': rateLimited('1') });
        const error = await failureOf(new QwilClient(http).memberships.resendInvitation(CLIENT));
        expect(describeQwilFailure(error)).toBe(
            'Qwil is receiving too many requests right now. Try again in a second.'
        );
        expect(http.sent).toHaveLength(1);
    });

    it('asks staff to wait a minute when Qwil does not say how long', async () => {
        const error = await failureOf(
            new QwilClient(scriptedQwil({ 'GET entity-memberships': rateLimited() })).memberships.findMembership({
                identifier: 'olivia'
            })
        );
        expect(describeQwilFailure(error)).toBe(
            'Qwil is receiving too many requests right now. Wait a minute and try again.'
        );
    });

    it('speaks of minutes for a long wait', () => {
        expect(rateLimitedMessage(150)).toBe('Qwil is receiving too many requests right now. Try again in 3 minutes.');
    });

    it('reads Retry-After as seconds or as a date', () => {
        expect(retryAfterSeconds('120')).toBe(120);
        expect(retryAfterSeconds('Mon, 02 Mar 2026 09:00:30 GMT', Date.parse('2026-03-02T09:00:00Z'))).toBe(30);
        expect(retryAfterSeconds('soon')).toBeNull();
        expect(retryAfterSeconds(null)).toBeNull();
    });
});
