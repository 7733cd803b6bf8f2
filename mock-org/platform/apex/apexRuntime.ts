import { invokeAuraEnabled, type ApexClassDefinition } from '../../../force-app/server/platform/auraEnabled';
import type { ApexContext, QueueableDefinition } from '../../../force-app/server/platform/context';
import { CalloutException } from '../../../force-app/server/platform/http';
import type { StoredRecord } from '../records/recordStore';
import type { UserAccess } from '../security/userAccess';
import { createApexContext, type PlatformServices } from './apexContext';
import { noClassAccess, toApexErrorResponse, unknownAction, type ApexErrorResponse } from './errorShapes';
import { defaultAccessLevel, parseApiVersion } from './apiVersion';
import { Transaction } from './transaction';

export type ApexOutcome =
    { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: ApexErrorResponse };

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

/** A registered class and what its API version decides. */
interface RegisteredClass {
    readonly definition: ApexClassDefinition;
    readonly apiVersion: number;
}

/**
 * Runs `@AuraEnabled` methods: one transaction per call, as the running user, with class access
 * checked. The transaction commits when the method returns and rolls back when it throws.
 */
export class ApexRuntime {
    private readonly classes: ReadonlyMap<string, RegisteredClass>;

    constructor(
        classes: readonly ApexClassDefinition[],
        private readonly services: PlatformServices,
        private readonly runningUser: (userId: string) => ApexRunningUser
    ) {
        this.classes = new Map(
            classes.map((definition) => [
                definition.name,
                { definition, apiVersion: parseApiVersion(definition.name, definition.apiVersion) }
            ])
        );
        services.asyncApex.attach((definition, job) => this.runQueueable(definition, job));
    }

    async invoke({ userId, className, methodName, params }: ApexInvocation): Promise<ApexOutcome> {
        const registered = this.classes.get(className);
        // Own methods only: `toString`, `constructor` and the like are not actions.
        const method =
            registered && Object.hasOwn(registered.definition.methods, methodName)
                ? registered.definition.methods[methodName]
                : undefined;
        if (!registered || !method) return { ok: false, error: unknownAction(className, methodName) };
        const { user, access } = this.runningUser(userId);
        if (!access.canRunApexClass(className)) return { ok: false, error: noClassAccess(className) };
        const transaction = new Transaction(user.Id, method.cacheable, defaultAccessLevel(registered.apiVersion));
        const context = createApexContext(this.services, user, access, registered.definition.sharing, transaction);
        try {
            const result = await invokeAuraEnabled(method, params, context);
            transaction.end('commit');
            // Results cross the wire as JSON, exactly as the platform serialises them.
            return { ok: true, value: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
        } catch (error) {
            transaction.end('rollback');
            return { ok: false, error: toApexErrorResponse(error, className, methodName) };
        }
    }

    /**
     * One Queueable job's `execute`, in its own transaction as the user who queued it: committed when it
     * returns, rolled back (and the error rethrown, failing the job) when it throws.
     */
    private async runQueueable(
        definition: QueueableDefinition<unknown>,
        { jobId, userId, state }: { readonly jobId: string; readonly userId: string; readonly state: unknown }
    ): Promise<void> {
        const { user, access } = this.runningUser(userId);
        const apiVersion = parseApiVersion(definition.name, definition.apiVersion);
        const transaction = new Transaction(user.Id, false, defaultAccessLevel(apiVersion));
        transaction.asyncJobId = jobId;
        const context = createApexContext(this.services, user, access, definition.sharing, transaction);
        const allowed: ApexContext = definition.allowsCallouts ? context : { ...context, http: { send: noCallouts } };
        try {
            await definition.execute(definition.state.parse(state), allowed, { getJobId: () => jobId });
            transaction.end('commit');
        } catch (error) {
            transaction.end('rollback');
            throw error;
        }
    }

    classNames(): string[] {
        return [...this.classes.keys()];
    }
}

function noCallouts(): Promise<never> {
    return Promise.reject(
        new CalloutException(
            'Callout not allowed from this Queueable: the class does not implement Database.AllowsCallouts'
        )
    );
}
