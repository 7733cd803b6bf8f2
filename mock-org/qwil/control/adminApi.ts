import { http, HttpResponse, type RequestHandler } from 'msw';
import type { z } from 'zod';
import { QwilError } from '../errors';
import { errorResponse } from '../http/endpoint';
import { readBody } from '../http/input';
import { parseOrThrow } from '../http/validate';
import type { MockQwilControl } from './control';
import {
    AcceptInvitationInput,
    CallerAddressInput,
    CreateMasterUserApiKeyInput,
    CreateSystemApiKeyInput,
    FaultPlanInput,
    KeyInput,
    NoInput,
    OrganisationSdkInput,
    OrganisationStatusInput,
    RateLimitInput,
    ResetInput,
    SeedInput
} from './inputs';

/**
 * The control surface over HTTP for the dev server, on an origin of its own: Qwil's URLs
 * (https://<region>.qwil.io), and so the named credential, can never reach it. The dev server
 * mounts it at `/__mock-qwil-admin/` behind the admin-console gate (mock-org/server/controlSurface.ts:
 * administrators or the local admin token, same origin, JSON only, size-limited).
 */
export const MOCK_QWIL_ADMIN_ORIGIN = 'http://mock-qwil.admin';
const BASE = `${MOCK_QWIL_ADMIN_ORIGIN}/__admin`;

function adminPost<S extends z.ZodType>(path: string, input: S, run: (body: z.infer<S>) => unknown): RequestHandler {
    return http.post(`${BASE}/${path}`, async ({ request }) => {
        try {
            const body = parseOrThrow(input, await readBody(request), 'body');
            return HttpResponse.json({ ok: true, result: run(body) ?? null });
        } catch (error) {
            if (error instanceof QwilError) return errorResponse(error);
            throw error;
        }
    });
}

export function adminHandlers(control: MockQwilControl): RequestHandler[] {
    return [
        http.get(`${BASE}/state`, () => HttpResponse.json(control.snapshot())),
        adminPost('reset', ResetInput, (options) => control.reset(options)),
        adminPost('seed', SeedInput, ({ seed, ...options }) => control.seed(seed, options)),
        adminPost('keys', CreateSystemApiKeyInput, (input) => control.createSystemApiKey(input)),
        adminPost('master-keys', CreateMasterUserApiKeyInput, (input) => control.createMasterUserApiKey(input)),
        adminPost('keys/revoke', KeyInput, ({ key }) => control.revokeKey(key)),
        adminPost('keys/promote', KeyInput, ({ key }) => control.promoteToSuper(key)),
        adminPost('caller-address', CallerAddressInput, ({ ip }) => control.setCallerAddress(ip)),
        adminPost('invitations/accept', AcceptInvitationInput, (input) =>
            control.acceptInvitation(input.entityUserXrefUuid, input.invitationToken)
        ),
        adminPost('faults', FaultPlanInput, (plan) => control.injectFault(plan)),
        adminPost('faults/clear', NoInput, () => control.clearFaults()),
        adminPost('rate-limit', RateLimitInput, (setting) => control.setRateLimit(setting)),
        adminPost('organisations/status', OrganisationStatusInput, (input) =>
            control.setOrganisationStatus(input.entityUuid, input.status)
        ),
        adminPost('organisations/sdk', OrganisationSdkInput, (input) =>
            control.setOrganisationSdk(input.entityUuid, input.enabled)
        ),
        http.all(`${BASE}/*`, ({ request }) =>
            errorResponse(
                new QwilError('QX404', `No such admin endpoint: ${request.method} ${new URL(request.url).pathname}`)
            )
        )
    ];
}
