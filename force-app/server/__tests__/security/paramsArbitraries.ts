import fc from 'fast-check';
import { z } from 'zod';
import type { MockOrg } from '../../../../mock-org/platform/mockOrg';
import type { QwilState } from '../../../../mock-org/qwil';
import { SalesforceId } from '../../contracts/common';
import { isStaffRole } from '../../qwil/schemas';

/** Seeded Qwil uuids by kind. */
export interface UuidPools {
    readonly organisations: readonly string[];
    readonly memberships: readonly string[];
    readonly groups: readonly string[];
    readonly chats: readonly string[];
}

/** One seeded client: their record and the Qwil uuids that go with it (their chats and groups, staff and themselves). */
export interface ClientSeed {
    readonly recordId: string;
    readonly uuids: UuidPools;
}

/** Real values of the seeded org and Qwil, so generated inputs reach past parameter parsing into the services. */
export interface SeedValues {
    /** Ids of the seeded clients (Contacts and Person Accounts), readable by some users and not by others. */
    readonly clientRecordIds: readonly string[];
    /** Ids of other seeded records a caller could send: business Accounts, Users. */
    readonly otherRecordIds: readonly string[];
    readonly uuids: UuidPools;
    /** Each client with their own uuids, so a call can name a client and one of their chats or groups. */
    readonly clients: readonly ClientSeed[];
}

/** The seed's values: client records (Contacts and Person Accounts) and other records, and every Qwil uuid, also by client. */
export function seedValuesOf(org: MockOrg, qwil: QwilState): SeedValues {
    const accounts = org.records.all('Account');
    const isPersonAccount = (account: { readonly [field: string]: unknown }) => account['IsPersonAccount'] === true;
    const clientRecordIds = [...org.records.all('Contact'), ...accounts.filter(isPersonAccount)].map(
        (record) => record.Id
    );
    const staff = qwil.memberships
        .filter((membership) => isStaffRole(membership.role))
        .map((membership) => membership.entity_user_xref_uuid);
    const uuids: UuidPools = {
        organisations: qwil.organisations.map((organisation) => organisation.entity_uuid),
        memberships: qwil.memberships.map((membership) => membership.entity_user_xref_uuid),
        groups: qwil.groups.map((group) => group.group_uuid),
        chats: qwil.chats.map((chat) => chat.chat_uuid)
    };
    const clients = clientRecordIds.map((recordId): ClientSeed => {
        const client = qwil.memberships.find((membership) => membership.identifier === recordId)?.entity_user_xref_uuid;
        const includesClient = (members: readonly string[]) => client !== undefined && members.includes(client);
        return {
            recordId,
            uuids: {
                organisations: uuids.organisations,
                memberships: client ? [client, ...staff] : staff,
                groups: qwil.groups
                    .filter((group) => includesClient(group.member_xref_uuids))
                    .map((group) => group.group_uuid),
                chats: qwil.chats
                    .filter((chat) => includesClient(chat.participants.map((p) => p.entity_user_xref_uuid)))
                    .map((chat) => chat.chat_uuid)
            }
        };
    });
    const otherRecordIds = [...accounts.filter((account) => !isPersonAccount(account)), ...org.users()].map(
        (record) => record.Id
    );
    return { clientRecordIds, otherRecordIds, uuids, clients };
}

/** The seeded uuids a parameter most likely wants, by its name: a chat's for chatUuid, a membership's for staffEntityUserXrefUuids. */
function uuidsFor(fieldName: string, seed: SeedValues): readonly string[] {
    const { organisations, memberships, groups, chats } = seed.uuids;
    const all = [...organisations, ...memberships, ...groups, ...chats];
    const likely = /chat/i.test(fieldName)
        ? chats
        : /group/i.test(fieldName)
          ? groups
          : /xref|staff/i.test(fieldName)
            ? memberships
            : /entity/i.test(fieldName)
              ? organisations
              : all;
    return likely.length > 0 ? likely : all;
}

/** Keys an attacker adds to reach a prototype or shadow a method. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Text a staff user or an attacker types: empty, blank, markup, format strings, control and combining characters, emoji. */
const TYPED_TEXT = [
    '',
    ' ',
    '\t\n',
    'Hello',
    'Whitfield',
    '+447700000123',
    '07700 000123',
    '+1 (555) 010-0199 ext. 7',
    '<script>alert(1)</script>',
    '%s %d %o',
    '${process.exit()}',
    "'; DROP TABLE Contact; --",
    '\u0000\u0007\u001b[31m',
    'e\u0301\u200d\u202e',
    '👩🏽‍💼🇬🇧',
    ...PROTOTYPE_KEYS
];

/** Anything at all, as a caller could send it (the wire turns it into JSON): primitives, arrays, objects with odd keys, nulls. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
    fc.anything({
        withObjectString: true,
        withNullPrototype: true,
        withBoxedValues: true,
        withSparseArray: true,
        withUnicodeString: true
    }),
    fc.jsonValue()
);

function maxLengthOf(schema: z.ZodType): number | undefined {
    const check = schema.def.checks?.find((candidate) => candidate._zod.def.check === 'max_length');
    return check ? (check._zod.def as unknown as { maximum: number }).maximum : undefined;
}

/** Record-id-shaped strings of no seeded record. */
const unknownRecordId = fc.stringMatching(/^(003|001|005)[a-zA-Z0-9]{15}$/);

/** Text up to and past `max` characters; built once per length, as building fc.string is not cheap. */
const textByMaxLength = new Map<number, fc.Arbitrary<unknown>>();
function textArbitrary(max: number): fc.Arbitrary<unknown> {
    const built =
        textByMaxLength.get(max) ??
        fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...TYPED_TEXT) },
            { weight: 3, arbitrary: fc.string({ maxLength: Math.min(max, 40) }) },
            { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: Math.min(max, 40) }) },
            { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
            {
                weight: 1,
                arbitrary: fc.constantFrom(
                    'x'.repeat(max),
                    'x'.repeat(max + 1),
                    ' '.repeat(max + 1),
                    'é'.repeat(100_000)
                )
            }
        );
    textByMaxLength.set(max, built);
    return built;
}

function stringArbitrary(schema: z.ZodString, seed: SeedValues): fc.Arbitrary<unknown> {
    if (schema !== SalesforceId) return textArbitrary(schema.maxLength ?? maxLengthOf(schema) ?? 5000);
    return fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...seed.clientRecordIds) },
        { weight: 2, arbitrary: fc.constantFrom(...seed.clientRecordIds).map((id) => id.slice(0, 15)) },
        { weight: 1, arbitrary: fc.constantFrom(...seed.otherRecordIds) },
        { weight: 1, arbitrary: unknownRecordId },
        {
            weight: 1,
            arbitrary: fc.constantFrom(
                '',
                '003',
                '003Qw0000000002IAA ',
                '003Qw0000000002IA',
                '003Qw0000000002IAA\n',
                'null'
            )
        }
    );
}

function uuidArbitrary(fieldName: string, seed: SeedValues): fc.Arbitrary<unknown> {
    const likely = uuidsFor(fieldName, seed);
    const any = uuidsFor('', seed);
    return fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...likely) },
        { weight: 2, arbitrary: fc.constantFrom(...any) },
        { weight: 2, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.constantFrom(...any).map((uuid) => uuid.toUpperCase()) },
        {
            weight: 1,
            arbitrary: fc.constantFrom(
                '00000000-0000-0000-0000-000000000000',
                'not-a-uuid',
                '../../admin',
                `${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(13)}`
            )
        }
    );
}

function numberArbitrary(schema: z.ZodNumber): fc.Arbitrary<unknown> {
    const min = Math.max(schema.minValue ?? -1000, -1000);
    return fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min, max: min + 300 }) },
        { weight: 1, arbitrary: fc.constantFrom(-1, 0.5, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e308, -0) },
        { weight: 1, arbitrary: fc.double() }
    );
}

function arrayArbitrary(fieldName: string, schema: z.ZodArray, seed: SeedValues): fc.Arbitrary<unknown> {
    const element = valueArbitrary(fieldName, schema.element as z.ZodType, seed);
    const max = maxLengthOf(schema) ?? 20;
    return fc.oneof(
        { weight: 6, arbitrary: fc.array(element, { maxLength: Math.min(max, 4) }) },
        { weight: 1, arbitrary: fc.array(element, { minLength: max + 1, maxLength: max + 2 }) },
        { weight: 1, arbitrary: fc.array(element, { maxLength: 3 }).map((items) => [...items, ...items]) }
    );
}

/** A key no parameter schema has: a prototype key or any other name. */
const extraKeyName = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 10 }));

/** A record of the shape's fields, sometimes with a field missing, an extra or prototype key, or a field of the wrong type. */
function objectArbitrary(schema: z.ZodObject, seed: SeedValues): fc.Arbitrary<unknown> {
    const shape = Object.fromEntries(
        Object.entries(schema.shape).map(([key, field]) => [key, valueArbitrary(key, field as z.ZodType, seed)])
    );
    const keys = Object.keys(shape);
    const exact = fc.record(shape);
    if (keys.length === 0) return exact;
    const missingKey = fc.tuple(exact, fc.constantFrom(...keys)).map(([value, key]) => {
        const copy: Record<string, unknown> = { ...value };
        delete copy[key];
        return copy;
    });
    const extraKey = fc.tuple(exact, extraKeyName, anyValue).map(([value, key, extra]) => ({ ...value, [key]: extra }));
    const wrongType = fc
        .tuple(exact, fc.constantFrom(...keys), anyValue)
        .map(([value, key, wrong]) => ({ ...value, [key]: wrong }));
    return fc.oneof(
        { weight: 12, arbitrary: exact },
        { weight: 1, arbitrary: missingKey },
        { weight: 1, arbitrary: extraKey },
        { weight: 1, arbitrary: wrongType }
    );
}

/** Near-valid values for a zod schema (of the parameter `fieldName`): drawn from its domain and the seed, with the boundary cases and the wrong types around it. */
function valueArbitrary(fieldName: string, schema: z.ZodType, seed: SeedValues): fc.Arbitrary<unknown> {
    let domain: fc.Arbitrary<unknown>;
    if (schema instanceof z.ZodObject) return objectArbitrary(schema, seed);
    if (schema instanceof z.ZodStringFormat && schema.format === 'uuid') domain = uuidArbitrary(fieldName, seed);
    else if (schema instanceof z.ZodString) domain = stringArbitrary(schema, seed);
    else if (schema instanceof z.ZodNumber) domain = numberArbitrary(schema);
    else if (schema instanceof z.ZodBoolean) domain = fc.boolean();
    else if (schema instanceof z.ZodEnum)
        domain = fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...schema.options) },
            {
                weight: 1,
                arbitrary: fc.constantFrom('', ...schema.options.map((option) => String(option).toUpperCase()))
            }
        );
    else if (schema instanceof z.ZodArray) domain = arrayArbitrary(fieldName, schema, seed);
    else if (schema instanceof z.ZodUnknown || schema instanceof z.ZodAny) domain = anyValue;
    else if (schema instanceof z.ZodNullable)
        domain = fc.option(valueArbitrary(fieldName, schema.unwrap() as z.ZodType, seed), { freq: 4 });
    else if (schema instanceof z.ZodOptional)
        domain = fc.option(valueArbitrary(fieldName, schema.unwrap() as z.ZodType, seed), { freq: 4, nil: undefined });
    else if (schema instanceof z.ZodDefault)
        domain = fc.option(valueArbitrary(fieldName, schema.unwrap() as z.ZodType, seed), { freq: 4, nil: undefined });
    else if (schema instanceof z.ZodLiteral)
        domain = fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...schema.values) },
            {
                weight: 1,
                arbitrary: fc.constantFrom('', ...[...schema.values].map((value) => String(value).toUpperCase()))
            }
        );
    else if (schema instanceof z.ZodUnion)
        domain = fc.oneof(...schema.options.map((option) => valueArbitrary(fieldName, option as z.ZodType, seed)));
    else throw new Error(`No generator for a ${schema.def.type} parameter: add one to paramsArbitraries`);
    return fc.oneof({ weight: 15, arbitrary: domain }, { weight: 1, arbitrary: anyValue });
}

/**
 * Parameters for a server method: mostly near-valid objects built from its params schema and the
 * seed so calls reach the services (half of those about one client, with that client's own chats
 * and groups), and arbitrary values of every type.
 */
export function paramsArbitrary(schema: z.ZodType, seed: SeedValues): fc.Arbitrary<unknown> {
    const aboutOneClient = fc.oneof(
        ...seed.clients.map((client) =>
            valueArbitrary('', schema, { ...seed, clientRecordIds: [client.recordId], uuids: client.uuids })
        )
    );
    return fc.oneof(
        { weight: 2, arbitrary: valueArbitrary('', schema, seed) },
        { weight: 2, arbitrary: aboutOneClient },
        { weight: 1, arbitrary: anyValue }
    );
}
