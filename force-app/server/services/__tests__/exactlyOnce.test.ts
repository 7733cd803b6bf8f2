import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ApexContext } from '../../platform/context';
import { beginWrite, performOnce } from '../exactlyOnce';

// The ledger's own rules, on a committed-at-once cache: what a repeat of a done action answers.
function contextWithCache({ keepsValues = true } = {}): ApexContext {
    const entries = new Map<string, unknown>();
    return {
        userInfo: { getUserId: () => '005Qw0000000002IAA' },
        database: { lockById: async () => ({ Id: '005Qw0000000002IAA' }) },
        cache: {
            get: (key: string) => (entries.has(key) ? structuredClone(entries.get(key)) : null),
            put: (key: string, value: unknown) => void (keepsValues && entries.set(key, structuredClone(value))),
            remove: (key: string) => void entries.delete(key)
        }
    } as unknown as ApexContext;
}

const Answer = z.object({ text: z.string() });

async function doneOnce(context: ApexContext, idempotencyKey: string, answer: { text: string }): Promise<void> {
    const { claim } = await beginWrite(context, { idempotencyKey, retry: false });
    await performOnce(context, { idempotencyKey, claim: claim! }, Answer, {
        findEarlier: async () => null,
        write: async () => answer
    });
}

describe('a repeat of a done action', () => {
    it('answers the stored answer without writing again', async () => {
        const context = contextWithCache();
        const key = randomUUID();
        await doneOnce(context, key, { text: 'Posted.' });
        const { claim } = await beginWrite(context, { idempotencyKey: key, retry: true });
        const write = jest.fn(async () => ({ text: 'Posted again.' }));
        await expect(
            performOnce(context, { idempotencyKey: key, claim: claim! }, Answer, {
                findEarlier: async () => null,
                write
            })
        ).resolves.toEqual({ text: 'Posted.' });
        expect(write).not.toHaveBeenCalled();
    });

    it('whose answer was too large to keep is answered from what Qwil holds, never written again', async () => {
        const context = contextWithCache();
        const key = randomUUID();
        await doneOnce(context, key, { text: 'x'.repeat(100_000) });
        const { claim } = await beginWrite(context, { idempotencyKey: key, retry: true });
        const write = jest.fn(async () => ({ text: 'Posted again.' }));
        const found = { text: 'As Qwil has it now.' };
        await expect(
            performOnce(context, { idempotencyKey: key, claim: claim! }, Answer, {
                findEarlier: async () => found,
                write
            })
        ).resolves.toEqual(found);
        await expect(
            performOnce(context, { idempotencyKey: key, claim: claim! }, Answer, {
                findEarlier: async () => null,
                write
            })
        ).rejects.toThrow('This change was already made. Reopen the page to see it as it is now.');
        expect(write).not.toHaveBeenCalled();
    });
});

describe('an org whose cache keeps nothing (no Platform Cache capacity)', () => {
    it('refuses the claim with what the administrator can do, instead of calling every attempt already claimed', async () => {
        const context = contextWithCache({ keepsValues: false });
        const refusal =
            'Qwil Messenger cannot make sure this change is made only once, because Platform Cache is not available to it, so it was not made. Ask your Salesforce administrator to give the QwilConnector cache partition capacity (Setup, Platform Cache).';
        await expect(beginWrite(context, { idempotencyKey: randomUUID(), retry: false })).rejects.toThrow(refusal);
        await expect(beginWrite(context, { idempotencyKey: randomUUID(), retry: true })).rejects.toThrow(refusal);
    });
});
