import { z } from 'zod';
import {
    DEFAULT_LINK_CALLS_PER_MINUTE,
    LinkingJobStatus,
    LinkingPlanPage,
    type LinkPlanRow
} from '../../../force-app/server/contracts/QwilLinkClientsController';
import { renderLinkClients, SETUP_PATHS } from '../../ui/pages/setup';
import { redirect, sendHtml } from '../httpErrors';
import { readForm } from '../requestBody';
import { planCsv } from './linkPlanCsv';
import type { SetupDependencies } from './setupDependencies';
import type { SetupRequest } from './setupHttp';

const CONTROLLER = 'QwilLinkClientsController';
const LinkingJob = z.object({ jobId: z.string() });

/** A controller method called as the page's user would call it from a component: same checks, same errors. */
async function callController<T>(
    deps: SetupDependencies,
    setup: SetupRequest,
    methodName: string,
    params: unknown,
    result: z.ZodType<T>
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
    const outcome = await deps.org.runtime.invoke({ userId: setup.userId, className: CONTROLLER, methodName, params });
    return outcome.ok
        ? { ok: true, value: result.parse(outcome.value) }
        : { ok: false, message: outcome.error.body.message };
}

/** The form's number as typed; a value that is not a whole number reaches the controller as is and is refused there. */
function callsPerMinuteOf(value: string | undefined): number {
    return value === undefined || value.trim() === '' ? Number.NaN : Number(value);
}

async function renderPage(
    deps: SetupDependencies,
    setup: SetupRequest,
    jobId: string | null,
    error: string | null,
    callsPerMinute = DEFAULT_LINK_CALLS_PER_MINUTE
): Promise<void> {
    let run: LinkingJobStatus | null = null;
    let rows: LinkPlanRow[] = [];
    let morePages = 0;
    let notice = error ? { kind: 'error' as const, message: error } : null;
    if (jobId) {
        const status = await callController(deps, setup, 'linkingJobStatus', { jobId }, LinkingJobStatus);
        if (status.ok) {
            run = status.value;
            const first = await callController(deps, setup, 'linkingPlan', { jobId, page: 0 }, LinkingPlanPage);
            if (first.ok) {
                rows = first.value.rows;
                morePages = Math.max(0, first.value.pages - 1);
            } else notice = { kind: 'error', message: first.message };
        } else notice = { kind: 'error', message: status.message };
    }
    sendHtml(
        setup.response,
        error ? 400 : 200,
        renderLinkClients({
            ...setup.chrome('Link existing Qwil clients'),
            notice,
            callsPerMinute: Number.isInteger(callsPerMinute) ? callsPerMinute : DEFAULT_LINK_CALLS_PER_MINUTE,
            run,
            rows,
            morePages,
            recordHref: (recordId) => {
                const type = deps.org.schema.objectOfId(recordId)?.name ?? 'Contact';
                return `/lightning/r/${type}/${recordId}/view`;
            }
        })
    );
}

async function sendPlanCsv(deps: SetupDependencies, setup: SetupRequest, jobId: string): Promise<void> {
    const rows: LinkPlanRow[] = [];
    for (let page = 0; ; page += 1) {
        const answer = await callController(deps, setup, 'linkingPlan', { jobId, page }, LinkingPlanPage);
        if (!answer.ok) return renderPage(deps, setup, null, answer.message);
        rows.push(...answer.value.rows);
        if (page + 1 >= answer.value.pages) break;
    }
    setup.response
        .writeHead(200, {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="qwil-link-plan-${jobId.replace(/[^A-Za-z0-9]/g, '')}.csv"`,
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff'
        })
        .end(planCsv(rows));
}

const POST_ACTIONS: Readonly<Record<string, 'startLinking' | 'applyLinking' | 'stopLinking'>> = {
    'dry-run': 'startLinking',
    apply: 'applyLinking',
    stop: 'stopLinking'
};

/**
 * Setup > Link existing Qwil clients. Every action goes through QwilLinkClientsController as the signed-in
 * user (administrators only); the server already refused a post without this session's anti-forgery token.
 */
export async function handleLinkClientsRoutes(deps: SetupDependencies, setup: SetupRequest): Promise<boolean> {
    const { url, request, response } = setup;
    const base = SETUP_PATHS.linkClients;
    if (request.method === 'GET' && url.pathname === base) {
        await renderPage(deps, setup, url.searchParams.get('job'), null);
        return true;
    }
    if (request.method === 'GET' && url.pathname === `${base}/plan.csv`) {
        await sendPlanCsv(deps, setup, url.searchParams.get('job') ?? '');
        return true;
    }
    const action =
        request.method === 'POST' && url.pathname.startsWith(`${base}/`) ? url.pathname.slice(base.length + 1) : '';
    const methodName = Object.hasOwn(POST_ACTIONS, action) ? POST_ACTIONS[action] : undefined;
    if (!methodName) return false;
    const form = await readForm(request);
    const callsPerMinute = callsPerMinuteOf(form['callsPerMinute']);
    const params =
        methodName === 'startLinking'
            ? { dryRun: true, callsPerMinute }
            : methodName === 'applyLinking'
              ? { jobId: form['jobId'] ?? '', callsPerMinute }
              : { jobId: form['jobId'] ?? '' };
    const outcome = await callController(
        deps,
        setup,
        methodName,
        params,
        methodName === 'stopLinking' ? z.null() : LinkingJob
    );
    if (!outcome.ok) {
        await renderPage(deps, setup, form['jobId'] ?? null, outcome.message, callsPerMinute);
        return true;
    }
    const jobId = outcome.value ? outcome.value.jobId : (form['jobId'] ?? '');
    redirect(response, `${base}?job=${encodeURIComponent(jobId)}`);
    return true;
}
