import type { z } from 'zod';
import type { ApexContext } from './context';
import { AuraHandledException } from './exceptions';

export type SharingMode = 'with sharing' | 'without sharing' | 'inherited sharing';

/** An `@AuraEnabled` static method: its parameters and result are declared once, as zod schemas. */
export interface AuraEnabledMethod<Params = unknown, Result = unknown> {
    readonly cacheable: boolean;
    readonly params: z.ZodType<Params>;
    readonly result: z.ZodType<Result>;
    readonly run: (params: Params, context: ApexContext) => Promise<Result>;
}

/** An Apex class as its `.cls-meta.xml` and signature would declare it. */
export interface ApexClassDefinition {
    readonly name: string;
    readonly apiVersion: string;
    readonly sharing: SharingMode;
    readonly methods: Readonly<Record<string, AuraEnabledMethod>>;
}

export function auraEnabled<Params, Result>(method: AuraEnabledMethod<Params, Result>): AuraEnabledMethod {
    return method as unknown as AuraEnabledMethod;
}

/**
 * Runs a method the way its Apex body would: callers can send anything (every `@AuraEnabled`
 * method is a public web service), so the parameters are parsed first, and the result is
 * parsed on the way out so nothing beyond the declared shape reaches the browser.
 */
export async function invokeAuraEnabled(
    method: AuraEnabledMethod,
    rawParams: unknown,
    context: ApexContext
): Promise<unknown> {
    const parsed = method.params.safeParse(rawParams ?? {});
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? `parameter '${issue.path.join('.')}'` : 'parameters';
        throw new AuraHandledException(`Invalid ${where}: ${issue?.message ?? 'unexpected value'}`);
    }
    const result = await method.run(parsed.data, context);
    return method.result.parse(result);
}
