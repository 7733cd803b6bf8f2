import type { ApexContext } from '../platform/context';
import { QueryException } from '../platform/exceptions';
import { isValidId, toId18 } from '../platform/salesforceId';
import type { ConnectorSettings } from '../settings/connectorSettings';
import { personAccountFieldName } from './clientRecord';
import { emailKey, type EmailHolders, type OrgFacts, type PlannedClient } from './linkClientsPlanner';

const CLIENT_OBJECTS = ['Contact', 'Account'] as const;
/** Rows one query reads at most: far above a page of 100 clients' records; SOQL allows 50,000 per transaction. */
const MAX_ROWS = 10_000;

/** The configured email field on each client object that has it (an org without Person Accounts has no PersonEmail). */
function emailFields(context: ApexContext, settings: ConnectorSettings): [string, string][] {
    return CLIENT_OBJECTS.map((objectApiName): [string, string] => [
        objectApiName,
        objectApiName === 'Account' ? personAccountFieldName(settings.clientEmailField) : settings.clientEmailField
    ]).filter(([objectApiName, field]) => context.schema.describeField(objectApiName, field) !== null);
}

/** Records holding the emails that the job's user can read (user mode); an object or field they cannot read gives none. */
function readableHolders(context: ApexContext, objectApiName: string, field: string, emails: readonly string[]) {
    try {
        return context.database.queryWhereIn(objectApiName, field, emails, MAX_ROWS, 'USER_MODE');
    } catch (error) {
        if (error instanceof QueryException) return [];
        throw error;
    }
}

/**
 * Which of the clients' identifiers are ids of existing Contacts or Person Accounts, and which records
 * hold their emails: readable ones in user mode, all of them in system mode without sharing (only
 * counted; those rows never leave this function). At most two queries per object for the identifiers
 * and two per object for the emails.
 */
export function orgFactsFor(
    context: ApexContext,
    settings: ConnectorSettings,
    clients: readonly PlannedClient[]
): OrgFacts {
    const systemDatabase = context.database.withoutSharing();
    const linkedIdentifiers = new Set<string>();
    const identifiersByObject = new Map<string, string[]>();
    for (const client of clients) {
        const identifier = client.identifier?.trim() ?? '';
        if (!isValidId(identifier)) continue;
        const objectApiName = context.schema.getSObjectTypeOfId(identifier);
        if (objectApiName !== 'Contact' && objectApiName !== 'Account') continue;
        identifiersByObject.set(objectApiName, [...(identifiersByObject.get(objectApiName) ?? []), identifier]);
    }
    for (const [objectApiName, identifiers] of identifiersByObject) {
        const existing = new Set(
            systemDatabase
                .queryWhereIn(objectApiName, 'Id', identifiers, MAX_ROWS, 'SYSTEM_MODE')
                .map((record) => toId18(record.Id))
        );
        for (const identifier of identifiers) if (existing.has(toId18(identifier))) linkedIdentifiers.add(identifier);
    }

    const emails = [
        ...new Set(
            clients
                .filter((client) => !linkedIdentifiers.has(client.identifier?.trim() ?? ''))
                .map((client) => emailKey(client.primary_email))
                .filter((email) => email !== '')
        )
    ];
    const holders = new Map<string, { readableIds: string[]; total: number }>(
        emails.map((email) => [email, { readableIds: [], total: 0 }])
    );
    if (emails.length > 0) {
        for (const [objectApiName, field] of emailFields(context, settings)) {
            for (const record of readableHolders(context, objectApiName, field, emails))
                holders.get(emailKey(String(record[field])))?.readableIds.push(toId18(record.Id));
            for (const record of systemDatabase.queryWhereIn(objectApiName, field, emails, MAX_ROWS, 'SYSTEM_MODE')) {
                const counted = holders.get(emailKey(String(record[field])));
                if (counted) counted.total += 1;
            }
        }
    }
    return { linkedIdentifiers, holders: holders as ReadonlyMap<string, EmailHolders> };
}
