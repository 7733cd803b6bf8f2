import { DEMO } from '../../../qwil';
import { CSRF_FORM_FIELD } from '../../../ui/pages/csrf';
import { ADMIN, fromOtherOrigin, rawRequest, STAFF, useSecurityServer } from './securityServer';

// Setup > Link existing Qwil clients writes every client's Qwil identifier: only administrators reach
// it, only with the page's anti-forgery token from this server's own pages, and the plan it exports
// cannot smuggle a formula into the administrator's spreadsheet.
const context = useSecurityServer();
const PAGE = '/setup/link-qwil-clients';
const JOB_CLASS = 'QwilLinkClientsJob';
const formBody = (form: Record<string, string>) => new URLSearchParams(form).toString();
const queuedJobs = () => context().server.org.asyncApex.active(JOB_CLASS).length;

describe('Link existing Qwil clients: who can run it', () => {
    it('staff get Insufficient Privileges on the page and cannot start a run by posting its form', async () => {
        const staff = await context().sessionAs(STAFF);
        expect((await staff.get(PAGE)).status).toBe(403);
        const post = await staff.postForm(`${PAGE}/dry-run`, { callsPerMinute: '300' });
        expect(post.status).toBe(403);
        expect(queuedJobs()).toBe(0);
    });

    it('staff cannot start a run through the server method either', async () => {
        const staff = await context().sessionAs(STAFF);
        const response = await staff.post(
            '/apex/QwilLinkClientsController/startLinking',
            JSON.stringify({ dryRun: false, callsPerMinute: 600 })
        );
        expect(response.status).toBe(500);
        expect(((await response.json()) as { message: string }).message).toBe(
            "You do not have access to the Apex class named 'QwilLinkClientsController'."
        );
        expect(queuedJobs()).toBe(0);
    });
});

describe('Link existing Qwil clients: forged requests', () => {
    it('an administrator’s form post without the page’s token starts nothing', async () => {
        const { server, sessionAs } = context();
        const admin = await sessionAs(ADMIN);
        const response = await fetch(`${server.url}${PAGE}/dry-run`, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: formBody({ callsPerMinute: '300' })
        });
        expect(response.status).toBe(403);
        expect(queuedJobs()).toBe(0);
    });

    it('a page on another origin cannot start a run in an administrator’s browser, even with a stolen token', async () => {
        const { server, sessionAs } = context();
        const admin = await sessionAs(ADMIN);
        const response = await rawRequest(
            server.url,
            'POST',
            `${PAGE}/dry-run`,
            {
                cookie: admin.cookie,
                'content-type': 'application/x-www-form-urlencoded',
                ...fromOtherOrigin(server.url)
            },
            formBody({ callsPerMinute: '300', [CSRF_FORM_FIELD]: admin.csrfToken })
        );
        expect(response.status).toBe(403);
        expect(queuedJobs()).toBe(0);
    });
});

describe('Link existing Qwil clients: the exported plan', () => {
    it('a client name Qwil holds as a formula reaches the CSV as text', async () => {
        const { server, sessionAs } = context();
        server.qwil.control.importClients({
            entityUuid: DEMO.organisations.harbourWealth,
            groupUuid: DEMO.groups.whitfieldRelationship,
            clients: [
                {
                    firstName: '=HYPERLINK("https://attacker.example","Open")',
                    lastName: 'Client',
                    primaryEmail: 'formula.client@example.com',
                    identifier: null,
                    status: 'active'
                }
            ]
        });
        const admin = await sessionAs(ADMIN);
        const started = await admin.postForm(`${PAGE}/dry-run`, { callsPerMinute: '300' });
        expect(started.status).toBe(303);
        const jobId = new URL(started.headers.get('location') ?? '', server.url).searchParams.get('job') ?? '';
        await server.org.asyncApex.whenIdle();

        const csv = await admin.get(`${PAGE}/plan.csv?job=${jobId}`);

        expect(csv.status).toBe(200);
        expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="qwil-link-plan-\w+\.csv"$/);
        const text = await csv.text();
        expect(text).toContain(`"'=HYPERLINK(""https://attacker.example"",""Open"") Client"`);
        expect(text).not.toMatch(/(^|,)"=/m);
    });
});
