import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { Membership } from '../../force-app/server/qwil/schemas';
import type { ApiKeyRecord, MasterKeyRecord, OrganisationRecord, QwilState } from './model/types';

/** The shape a state file must have before the mock Qwil trusts it; records keep their other fields. */
const PersistedState = z.object({
    version: z.literal(1, { error: 'unsupported mock Qwil state version (expected 1)' }),
    sequence: z.number().int().min(0),
    organisations: z.array(z.looseObject({ entity_uuid: z.uuid(), name: z.string(), region: z.string() })),
    memberships: z.array(Membership.loose()),
    groups: z.array(
        z.looseObject({ group_uuid: z.uuid(), entity_uuid: z.uuid(), member_xref_uuids: z.array(z.uuid()) })
    ),
    chats: z.array(z.looseObject({ chat_uuid: z.uuid(), entity_uuid: z.uuid() })),
    apiKeys: z.array(z.looseObject({ key: z.string(), entityUuid: z.uuid(), cidrBlocks: z.array(z.string()) })),
    masterKeys: z
        .array(z.looseObject({ key: z.string(), entityUuid: z.uuid(), cidrBlocks: z.array(z.string()) }))
        .optional()
});

/** A state file as earlier versions wrote it, without the fields added since. */
interface EarlierState extends Omit<QwilState, 'organisations' | 'apiKeys' | 'masterKeys'> {
    organisations: (Omit<OrganisationRecord, 'sdk_enabled'> & { sdk_enabled?: boolean })[];
    apiKeys: (Omit<ApiKeyRecord, 'canCreateSdkTokens'> & { canCreateSdkTokens?: boolean })[];
    masterKeys?: MasterKeyRecord[];
}

/**
 * A state file written before Master User keys, the SDK feature switch and the "create SDK tokens" flag
 * existed gets their defaults: no Master keys, SDK enabled, flag off (as a new key's default).
 */
function withLaterFields(state: EarlierState): QwilState {
    return {
        ...state,
        organisations: state.organisations.map((o) => ({ sdk_enabled: true, ...o })),
        apiKeys: state.apiKeys.map((k) => ({ canCreateSdkTokens: false, ...k })),
        masterKeys: state.masterKeys ?? []
    };
}

/** The state file of the dev server: written whole after every change, via a rename so it is never half-written. */
export function loadState(path: string): QwilState | null {
    if (!existsSync(path)) return null;
    let content: unknown;
    try {
        content = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
        throw new Error(
            `${path}: not a mock Qwil state file (${error instanceof Error ? error.message : String(error)}); delete it to start from the seed`
        );
    }
    const parsed = PersistedState.safeParse(content);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(
            `${path}: ${issue?.path.join('.') || 'state'}: ${issue?.message ?? 'invalid'}; delete the file to start from the seed`
        );
    }
    return withLaterFields(content as EarlierState);
}

export function saveState(path: string, state: QwilState): void {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, path);
}
