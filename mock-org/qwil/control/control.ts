import type { Membership } from '../../../force-app/server/qwil/schemas';
import { hashSecret, newKeyId, newSalt, newSecret, secretMatches } from '../auth/secrets';
import { notFound, validationError } from '../errors';
import type { FaultInjector, FaultPlan } from '../faults';
import { parseOrThrow } from '../http/validate';
import { requireOrganisation } from '../model/lookups';
import type { QwilStore } from '../model/store';
import type { ApiKeyRecord, OrganisationStatus, QwilState } from '../model/types';
import { toMembership } from '../model/views';
import { acceptInvitation } from '../operations/memberships';
import { DEFAULT_RATE_LIMIT, type RateLimit, type RateLimiter } from '../rateLimit';
import { buildSeed, type SeedName } from '../seed/seeds';
import {
    AcceptInvitationInput,
    CallerAddressInput,
    CreateSystemApiKeyInput,
    FaultPlanInput,
    GenerateMessagesInput,
    KeyInput,
    KeyPermissionsInput,
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
    /** A deep copy of the whole state, for assertions. */
    snapshot(): QwilState;
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

    const requireKey = (state: QwilState, key: string): ApiKeyRecord => {
        const record = state.apiKeys.find((k) => k.key === key);
        if (!record) throw notFound(`API key ${key}`, 'key');
        return record;
    };

    const reseed = (seed: SeedName, keepApiKeys = false): void => {
        const next = buildSeed(seed);
        if (keepApiKeys) next.apiKeys = store.read().apiKeys.filter((k) => next.organisations.some((o) => o.entity_uuid === k.entityUuid));
        store.replace(next);
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
                const organisation = parsed.entityUuid
                    ? requireOrganisation(state, parsed.entityUuid)
                    : state.organisations[0];
                if (!organisation) throw notFound('Organisation', 'entityUuid');
                const key = newKeyId();
                const secret = newSecret();
                const secretSalt = newSalt();
                state.apiKeys.push({
                    key,
                    name: parsed.name,
                    entityUuid: organisation.entity_uuid,
                    cidrBlocks: parsed.cidrBlocks ?? [],
                    canExportData: parsed.canExportData ?? false,
                    canReadOnly: parsed.canReadOnly ?? true,
                    canWriteOnly: parsed.canWriteOnly ?? true,
                    canDataReview: parsed.canDataReview ?? true,
                    isSuper: false,
                    revoked: false,
                    secretSalt,
                    secretHash: hashSecret(secretSalt, secret),
                    createdAt: now().toISOString()
                });
                return { key, secret };
            });
        },
        verifySystemApiKey(key, secret) {
            const record = store.read().apiKeys.find((k) => k.key === key);
            return record !== undefined && !record.revoked && secretMatches(record.secretSalt, record.secretHash, secret);
        },
        revokeKey(key) {
            const parsed = parseOrThrow(KeyInput, { key }, 'input');
            store.transact((state) => {
                requireKey(state, parsed.key).revoked = true;
            });
        },
        setKeyPermissions(input) {
            const { key, ...flags } = parseOrThrow(KeyPermissionsInput, input, 'input');
            store.transact((state) => {
                Object.assign(requireKey(state, key), flags);
            });
        },
        promoteToSuper(key) {
            const parsed = parseOrThrow(KeyInput, { key }, 'input');
            store.transact((state) => {
                const record = requireKey(state, parsed.key);
                if (record.cidrBlocks.length === 0) throw validationError('cidrBlocks', 'a Super key must be restricted to CIDR blocks');
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
                store.transact((state) => acceptInvitation(state, parsed.entityUserXrefUuid, now().toISOString(), parsed.invitationToken))
            );
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
                        sender_entity_user_xref_uuid: senders[i % senders.length] ?? chat.created_by_entity_user_xref_uuid,
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
        snapshot: () => structuredClone(store.read())
    };
}
