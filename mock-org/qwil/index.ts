import type { RequestHandler } from 'msw';
import { adminHandlers } from './control/adminApi';
import { createControl, DEFAULT_CALLER_ADDRESS, type MockQwilControl } from './control/control';
import { chatServiceEndpoints } from './endpoints/chatService';
import { groupEndpoints } from './endpoints/groups';
import { membershipEndpoints } from './endpoints/memberships';
import { reviewEndpoints } from './endpoints/review';
import { sdkSessionEndpoints } from './endpoints/sdkSessions';
import { FaultInjector } from './faults';
import { unknownEndpoint } from './http/endpoint';
import type { Runtime } from './http/runtime';
import { QwilStore } from './model/store';
import { loadState, saveState } from './persistence';
import { RateLimiter } from './rateLimit';
import { buildSeed, type SeedName } from './seed/seeds';

export { MOCK_QWIL_ADMIN_ORIGIN } from './control/adminApi';
export type { MockQwilControl } from './control/control';
export { DEFAULT_CALLER_ADDRESS } from './control/control';
export type { CreateMasterUserApiKeyInput, CreateSystemApiKeyInput } from './control/inputs';
export { ERROR_CATALOGUE, type ErrorCode } from './errors';
export type { FaultPlan } from './faults';
export type { ApiKeyRecord, KeyRecordBase, MasterKeyRecord, QwilState } from './model/types';
export { DEMO } from './seed/demo';
export type { SeedName } from './seed/seeds';

export interface MockQwilOptions {
    /** Default 'demo'. Ignored when `persistPath` names an existing state file. */
    seed?: SeedName;
    /** The dev server's state file: loaded at creation if present, rewritten after every change. */
    persistPath?: string;
    now?: () => Date;
}

export interface MockQwil {
    /** Qwil's API on https://<region>.qwil.io, for setupServer or getResponse. */
    handlers: RequestHandler[];
    /** The control surface over HTTP on MOCK_QWIL_ADMIN_ORIGIN, for the dev server. */
    adminHandlers: RequestHandler[];
    control: MockQwilControl;
}

export function createMockQwil(options: MockQwilOptions = {}): MockQwil {
    const now = options.now ?? (() => new Date());
    const initialSeed = options.seed ?? 'demo';
    const { persistPath } = options;
    const persisted = persistPath === undefined ? null : loadState(persistPath);
    const store = new QwilStore(persisted ?? buildSeed(initialSeed), (state) => {
        if (persistPath !== undefined) saveState(persistPath, state);
    });
    const faults = new FaultInjector();
    const rateLimiter = new RateLimiter(now);
    const callerAddress = { value: DEFAULT_CALLER_ADDRESS };
    const runtime: Runtime = { store, faults, rateLimiter, now, callerAddress: () => callerAddress.value };
    const control = createControl({ store, faults, rateLimiter, now, initialSeed, callerAddress });
    const endpoints = [
        ...membershipEndpoints,
        ...groupEndpoints,
        ...reviewEndpoints,
        ...sdkSessionEndpoints,
        ...chatServiceEndpoints
    ];
    return {
        handlers: [...endpoints.map((endpoint) => endpoint(runtime)), unknownEndpoint(runtime)],
        adminHandlers: adminHandlers(control),
        control
    };
}
