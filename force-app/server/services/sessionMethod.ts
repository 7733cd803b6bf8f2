import type { z } from 'zod';
import { auraEnabled, type AuraEnabledMethod } from '../platform/auraEnabled';
import type { ApexContext } from '../platform/context';
import { requireSession, withQwilErrors, type ConnectorSession } from './connectorSession';

/** A server method that acts on one client record: its parameters name the record. */
export interface SessionMethod<Params extends { readonly recordId: string }, Result> {
    readonly cacheable: boolean;
    readonly params: z.ZodType<Params>;
    readonly result: z.ZodType<Result>;
    readonly run: (params: Params, session: ConnectorSession, context: ApexContext) => Promise<Result>;
}

/**
 * The one wrapper for server methods on a client record: the running user's session on the record is
 * opened first (refusing a record they cannot read before anything reaches Qwil), and Qwil failures in
 * the work become messages in staff words.
 */
export function sessionMethod<Params extends { readonly recordId: string }, Result>(
    method: SessionMethod<Params, Result>
): AuraEnabledMethod {
    return auraEnabled({
        cacheable: method.cacheable,
        params: method.params,
        result: method.result,
        run: async (params: Params, context: ApexContext) => {
            const session = await requireSession(context, params.recordId);
            return withQwilErrors(context, () => method.run(params, session, context));
        }
    });
}
