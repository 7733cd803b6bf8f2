import { invokeAuraEnabled, type ApexClassDefinition } from '../../../force-app/server/platform/auraEnabled';
import type { StoredRecord } from '../records/recordStore';
import type { UserAccess } from '../security/userAccess';
import { createApexContext, type PlatformServices } from './apexContext';
import { noClassAccess, toApexErrorResponse, unknownAction, type ApexErrorResponse } from './errorShapes';
import { Transaction } from './limits';

export type ApexOutcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: ApexErrorResponse };

export interface ApexInvocation {
    readonly userId: string;
    readonly className: string;
    readonly methodName: string;
    readonly params: unknown;
}

export interface ApexRunningUser {
    readonly user: StoredRecord;
    readonly access: UserAccess;
}

/** Runs `@AuraEnabled` methods: one transaction per call, as the running user, with class access checked. */
export class ApexRuntime {
    private readonly classes: ReadonlyMap<string, ApexClassDefinition>;

    constructor(
        classes: readonly ApexClassDefinition[],
        private readonly services: PlatformServices,
        private readonly runningUser: (userId: string) => ApexRunningUser
    ) {
        this.classes = new Map(classes.map((definition) => [definition.name, definition]));
    }

    async invoke({ userId, className, methodName, params }: ApexInvocation): Promise<ApexOutcome> {
        const definition = this.classes.get(className);
        const method = definition?.methods[methodName];
        if (!definition || !method) return { ok: false, error: unknownAction(className, methodName) };
        const { user, access } = this.runningUser(userId);
        if (!access.canRunApexClass(className)) return { ok: false, error: noClassAccess(className) };
        const transaction = new Transaction(user.Id, method.cacheable);
        const context = createApexContext(this.services, user, access, definition.sharing, transaction);
        try {
            const result = await invokeAuraEnabled(method, params, context);
            // Results cross the wire as JSON, exactly as the platform serialises them.
            return { ok: true, value: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
        } catch (error) {
            return { ok: false, error: toApexErrorResponse(error, className, methodName) };
        }
    }

    classNames(): string[] {
        return [...this.classes.keys()];
    }
}
