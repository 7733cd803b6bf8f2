import type { Membership } from '../../../force-app/server/qwil/schemas';
import { hashSecret, newKeyId, newSalt, newSecret, secretMatches } from '../auth/secrets';
import { notFound, QwilError, validationError } from '../errors';
import type { FaultInjector, FaultPlan } from '../faults';
import { parseOrThrow } from '../http/validate';
import { requireGroup, requireOrganisation } from '../model/lookups';
import { nextUuid } from '../model/ids';
import type { QwilStore } from '../model/store';
import type { KeyRecordBase, MasterKeyRecord, OrganisationStatus, QwilState } from '../model/types';
import type { ImportClientsInput as ImportClients } from './inputs';
import { toMembership } from '../model/views';
import { acceptInvitation } from '../operations/memberships';
import { DEFAULT_RATE_LIMIT, type RateLimit, type RateLimiter } from '../rateLimit';
import { buildSeed, type SeedName } from '../seed/seeds';
import {
    AcceptInvitationInput,
    CallerAddressInput,
    CreateMasterUserApiKeyInput,
    CreateSystemApiKeyInput,
    FaultPlanInput,
    GenerateMessagesInput,
    ImportClientsInput,
    KeyInput,
    KeyPermissionsInput,
    OrganisationSdkInput,
    OrganisationStatusInput,
    RateLimitInput,
    ResetInput,
    SeedInput
} from './inputs';

/** Inside Salesforce's published egress range 13.108.0.0/14, so a key restricted to it works by default. */
export const DEFAULT_CALLER_ADDRESS = '13.108.4.20';

/** Test and dev-server control of the mock Qwil; never reachable through Qwil's own URLs. */
export interface MockQwilControl {
    /** Back to the seed chosen at creation; clears faults, rate-limit setting and caller address. Keys go too unless kept. */
    reset(options?: { keepApiKeys?: boolean }): void;
    /** Replaces the whole state with a seed; keys go too unless kept. */
    seed(seed: SeedName, options?: { keepApiKeys?: boolean }): void;
    /** The secret is returned here only; the mock keeps a hash. */
    createSystemApiKey(input: CreateSystemApiKeyInput): { key: string; secret: string };
    /** True when the key exists, is not revoked and the secret is its secret (for a dev server's stored credential). */
    verifySystemApiKey(key: string, secret: string): boolean;
    /** A Master User API key for chat-service; the secret is returned here only. */
    createMasterUserApiKey(input: CreateMasterUserApiKeyInput): { key: string; secret: string };
    /** As verifySystemApiKey, for a Master User API key. */
    verifyMasterUserApiKey(key: string, secret: string): boolean;
    /** Revokes a System or Master User key: it then gets RU002. */
    revokeKey(key: string): void;
    /** Changes the key's permission flags, as an administrator does in Qwil; flags not given stay. */
    setKeyPermissions(input: KeyPermissionsInput): void;
    /** Qwil promotes keys to Super keys; a Super key needs CIDR blocks. */
    promoteToSuper(key: string): void;
    /** The address Qwil sees the calls come from, checked against each key's CIDR blocks. */
    setCallerAddress(ip: string): void;
    callerAddress(): string;
    /** The invitee accepts: pending → active. With a token, only the latest invitation's is valid. */
    acceptInvitation(entityUserXrefUuid: string, invitationToken?: string): Membership;
    /** Appends `count` messages from the chat's active participants in turn, a minute apart after the last one. */
    generateMessages(input: GenerateMessagesInput): void;
    injectFault(plan: FaultPlan): void;
    clearFaults(): void;
    setRateLimit(setting: RateLimit): void;
    /** `inactive` → RN900, `frozen` → RN902. */
    setOrganisationStatus(entityUuid: string, status: OrganisationStatus): void;
    /** Qwil's SDK feature for the organisation; while off, `sdk/sessions/create` answers RF888. */
    setOrganisationSdk(entityUuid: string, enabled: boolean): void;
    /** A deep copy of the whole state, for assertions. */
    snapshot(): QwilState;
    /**
     * Adds clients at once, as Qwil's client import does (emails and identifiers unique in the organisation,
     * the group must exist); returns their uuids in order. For tests and benchmarks.
     */
    importClients(input: ImportClients): string[];
}

export interface ControlDependencies {
    store: QwilStore;
    faults: FaultInjector;
    rateLimiter: RateLimiter;
    now: () => Date;
    initialSeed: SeedName;
    callerAddress: { value: string };
}

export function createControl(deps: ControlDependencies): MockQwilControl {
    const { store, faults, rateLimiter, now, callerAddress } = deps;

    const requireKey = <K extends KeyRecordBase>(keys: K[], key: string): K => {
        const record = keys.find((k) => k.key === key);
        if (!record) throw notFound(`API key ${key}`, 'key');
        return record;
    };

    const reseed = (seed: SeedName, keepApiKeys = false): void => {
        const next = buildSeed(seed);
        if (keepApiKeys) {
            const current = store.read();
            const known = <K extends KeyRecordBase>(keys: K[]) =>
                keys.filter((k) => next.organisations.some((o) => o.entity_uuid === k.entityUuid));
            next.apiKeys = known(current.apiKeys);
            next.masterKeys = known(current.masterKeys);
        }
        store.replace(next);
    };

    /** A new key of the organisation (default: the first), with its secret hashed; the secret is returned once. */
    const newKey = (
        state: QwilState,
        prefix: 'sys' | 'mst',
        input: { name: string; cidrBlocks?: string[] | undefined; entityUuid?: string | undefined }
    ): { record: KeyRecordBase; secret: string } => {
        const organisation = input.entityUuid ? requireOrganisation(state, input.entityUuid) : state.organisations[0];
        if (!organisation) throw notFound('Organisation', 'entityUuid');
        const secret = newSecret();
        const secretSalt = newSalt();
        const record: KeyRecordBase = {
            key: newKeyId(prefix),
            name: input.name,
            entityUuid: organisation.entity_uuid,
            cidrBlocks: input.cidrBlocks ?? [],
            revoked: false,
            secretSalt,
            secretHash: hashSecret(secretSalt, secret),
            createdAt: now().toISOString()
        };
        return { record, secret };
    };

    const verify = (keys: KeyRecordBase[], key: string, secret: string): boolean => {
        const record = keys.find((k) => k.key === key);
        return record !== undefined && !record.revoked && secretMatches(record.secretSalt, record.secretHash, secret);
    };

    return {
        reset(options = {}) {
            const { keepApiKeys } = parseOrThrow(ResetInput, options, 'input');
            reseed(deps.initialSeed, keepApiKeys);
            faults.clear();
            rateLimiter.configure(DEFAULT_RATE_LIMIT);
            callerAddress.value = DEFAULT_CALLER_ADDRESS;
        },
        seed(seed, options = {}) {
            const parsed = parseOrThrow(SeedInput, { seed, ...options }, 'input');
            reseed(parsed.seed, parsed.keepApiKeys);
        },
        createSystemApiKey(input) {
            const parsed = parseOrThrow(CreateSystemApiKeyInput, input, 'input');
            return store.transact((state) => {
                const { record, secret } = newKey(state, 'sys', parsed);
                state.apiKeys.push({
                    ...record,
                    canExportData: parsed.canExportData ?? false,
                    canReadOnly: parsed.canReadOnly ?? true,
                    canWriteOnly: parsed.canWriteOnly ?? true,
                    canDataReview: parsed.canDataReview ?? true,
                    canCreateSdkTokens: parsed.canCreateSdkTokens ?? false,
                    isSuper: false
                });
                return { key: record.key, secret };
            });
        },
        verifySystemApiKey: (key, secret) => verify(store.read().apiKeys, key, secret),
        createMasterUserApiKey(input) {
            const parsed = parseOrThrow(CreateMasterUserApiKeyInput, input, 'input');
            return store.transact((state) => {
                const { record, secret } = newKey(state, 'mst', parsed);
                const master: MasterKeyRecord = {
                    ...record,
                    canReadChat: parsed.canReadChat ?? true,
                    canWriteChat: parsed.canWriteChat ?? true,
                    canExportData: parsed.canExportData ?? false,
                    canReadContacts: parsed.canReadContacts ?? false
                };
                state.masterKeys.push(master);
                return { key: record.key, secret };
            });
        },
        verifyMasterUserApiKey: (key, secret) => verify(store.read().masterKeys, key, secret),
        revokeKey(key) {
            const parsed = parseOrThrow(KeyInput, { key }, 'input');
            store.transact((state) => {
                requireKey<KeyRecordBase>([...state.apiKeys, ...state.masterKeys], parsed.key).revoked = true;
            });
        },
        setKeyPermissions(input) {
            const { key, ...flags } = parseOrThrow(KeyPermissionsInput, input, 'input');
            store.transact((state) => {
                Object.assign(requireKey(state.apiKeys, key), flags);
            });
        },
        promoteToSuper(key) {
            const parsed = parseOrThrow(KeyInput, { key }, 'input');
            store.transact((state) => {
                const record = requireKey(state.apiKeys, parsed.key);
                if (record.cidrBlocks.length === 0)
                    throw validationError('cidrBlocks', 'a Super key must be restricted to CIDR blocks');
                record.isSuper = true;
            });
        },
        setCallerAddress(ip) {
            callerAddress.value = parseOrThrow(CallerAddressInput, { ip }, 'input').ip;
        },
        callerAddress: () => callerAddress.value,
        acceptInvitation(entityUserXrefUuid, invitationToken) {
            const parsed = parseOrThrow(AcceptInvitationInput, { entityUserXrefUuid, invitationToken }, 'input');
            return toMembership(
                store.transact((state) =>
                    acceptInvitation(state, parsed.entityUserXrefUuid, now().toISOString(), parsed.invitationToken)
                )
            );
        },
        importClients(input) {
            const parsed = parseOrThrow(ImportClientsInput, input, 'input');
            return store.transact((state) => {
                const group = requireGroup(state, parsed.entityUuid, parsed.groupUuid, 'groupUuid');
                const people = state.memberships.filter((m) => m.entity_uuid === parsed.entityUuid);
                // Checked against sets, as one import of thousands must not compare every pair.
                const emails = new Set(people.map((m) => m.primary_email.toLowerCase()));
                const identifiers = new Set(people.flatMap((m) => (m.identifier === null ? [] : [m.identifier])));
                const invitedAt = now().toISOString();
                return parsed.clients.map((client) => {
                    const email = client.primaryEmail.toLowerCase();
                    if (emails.has(email))
                        throw new QwilError(
                            'QX020',
                            `Primary email ${client.primaryEmail} is already in use`,
                            'primary_email'
                        );
                    if (client.identifier !== null && identifiers.has(client.identifier))
                        throw new QwilError('QX021', `Identifier ${client.identifier} is already in use`, 'identifier');
                    emails.add(email);
                    if (client.identifier !== null) identifiers.add(client.identifier);
                    const uuid = nextUuid(state);
                    state.memberships.push({
                        entity_user_xref_uuid: uuid,
                        entity_uuid: parsed.entityUuid,
                        first_name: client.firstName,
                        last_name: client.lastName,
                        job_title: 'Client',
                        primary_email: client.primaryEmail,
                        identifier: client.identifier,
                        invitation_phone_number: null,
                        role: 'client',
                        status: client.status,
                        invited_at: invitedAt,
                        joined_at: client.status === 'pending' ? null : invitedAt,
                        created_by_entity_user_xref_uuid: null,
                        invitation: null
                    });
                    group.member_xref_uuids.push(uuid);
                    return uuid;
                });
            });
        },
        generateMessages(input) {
            const { chatUuid, count } = parseOrThrow(GenerateMessagesInput, input, 'input');
            store.transact((state) => {
                const chat = state.chats.find((candidate) => candidate.chat_uuid === chatUuid);
                if (!chat) throw notFound(`Chat ${chatUuid}`, 'chatUuid');
                const senders = chat.participants.filter((p) => p.left_at === null).map((p) => p.entity_user_xref_uuid);
                const last = chat.messages.at(-1);
                const start = Date.parse(last?.sent_at ?? chat.created_at);
                for (let i = 1; i <= count; i += 1) {
                    const seq = (last?.seq ?? 0) + i;
                    chat.messages.push({
                        seq,
                        sender_entity_user_xref_uuid:
                            senders[i % senders.length] ?? chat.created_by_entity_user_xref_uuid,
                        text: `Generated message ${seq}`,
                        sent_at: new Date(start + i * 60_000).toISOString(),
                        reply_to_seq: null,
                        attachments: []
                    });
                }
            });
        },
        injectFault(plan) {
            faults.inject(parseOrThrow(FaultPlanInput, plan, 'input'));
        },
        clearFaults: () => faults.clear(),
        setRateLimit(setting) {
            rateLimiter.configure(parseOrThrow(RateLimitInput, setting, 'input'));
        },
        setOrganisationStatus(entityUuid, status) {
            const parsed = parseOrThrow(OrganisationStatusInput, { entityUuid, status }, 'input');
            store.transact((state) => {
                requireOrganisation(state, parsed.entityUuid).status = parsed.status;
            });
        },
        setOrganisationSdk(entityUuid, enabled) {
            const parsed = parseOrThrow(OrganisationSdkInput, { entityUuid, enabled }, 'input');
            store.transact((state) => {
                requireOrganisation(state, parsed.entityUuid).sdk_enabled = parsed.enabled;
            });
        },
        snapshot: () => structuredClone(store.read())
    };
}
