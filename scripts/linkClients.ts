// `npm run link:clients [-- --dry-run]`: links existing Qwil clients to their Salesforce records in the
// local mock org, with the same job the Setup page starts (QwilLinkClientsController, Queueable jobs
// with Apex's limits), against the dev server's mock Qwil state in --data-dir. Stop `npm start` first:
// both keep the mock Qwil's state in the same file.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setupServer } from 'msw/node';
import { apexClasses, queueableClasses } from '../force-app/server';
import {
    DEFAULT_LINK_CALLS_PER_MINUTE,
    MIN_LINK_CALLS_PER_MINUTE,
    LinkingJobStatus,
    LinkingPlanPage,
    type LinkPlanRow
} from '../force-app/server/contracts/QwilLinkClientsController';
import { createFileCredentialStore } from '../mock-org/platform/callouts/credentialStore';
import { MockOrg } from '../mock-org/platform/mockOrg';
import { PROJECT_ROOT } from '../mock-org/projectRoot';
import { createMockQwil } from '../mock-org/qwil';
import { planCsv } from '../mock-org/server/setup/linkPlanCsv';

const USAGE = `Usage: npm run link:clients -- [--dry-run] [--calls-per-minute <n>] [--csv <file>] [--data-dir <dir>] [--as <username>]
  --dry-run           plan only: list what would be linked and every conflict; nothing is written to Qwil
  --calls-per-minute  Qwil calls per minute the job may make, 3 to 600 (default ${DEFAULT_LINK_CALLS_PER_MINUTE}: half of the key's 600, the rest for staff)
  --csv               also write the plan (one row per client listed) to this CSV file
  --data-dir          the dev server's data directory (default: .local); stop npm start first
  --as                the administrator running the job (default: sofia.reyes@harbourwealth.example)
Run again after a stop, it reads Qwil's list again: clients already linked are left alone, never written twice.`;

const CONTROLLER = 'QwilLinkClientsController';

function parse(): { dryRun: boolean; callsPerMinute: number; csv: string | null; dataDir: string; as: string } | null {
    const { values } = parseArgs({
        options: {
            'dry-run': { type: 'boolean' },
            'calls-per-minute': { type: 'string' },
            csv: { type: 'string' },
            'data-dir': { type: 'string' },
            as: { type: 'string' },
            help: { type: 'boolean' }
        }
    });
    if (values.help) return null;
    const callsPerMinute = Number(values['calls-per-minute'] ?? DEFAULT_LINK_CALLS_PER_MINUTE);
    if (!Number.isInteger(callsPerMinute) || callsPerMinute < MIN_LINK_CALLS_PER_MINUTE || callsPerMinute > 600)
        throw new UsageError(
            `--calls-per-minute must be a whole number from 3 to 600, not ${values['calls-per-minute']}`
        );
    return {
        dryRun: values['dry-run'] === true,
        callsPerMinute,
        csv: values.csv ?? null,
        dataDir: path.resolve(values['data-dir'] ?? path.join(PROJECT_ROOT, '.local')),
        as: values.as ?? 'sofia.reyes@harbourwealth.example'
    };
}

class UsageError extends Error {}

function summary(status: LinkingJobStatus): string {
    const lines = [
        `${status.dryRun ? 'Dry run' : 'Run'} ${status.jobId}: ${status.status}${status.stage === 'finished' ? '' : ' (not finished)'}`,
        `  clients read from Qwil     ${status.clientsRead}`,
        `  already linked (left alone) ${status.alreadyLinked}`,
        status.dryRun
            ? `  to link                    ${status.toLink}`
            : `  linked by this run         ${status.linked}`,
        ...status.conflicts.map((conflict) => `  conflict: ${conflict.label}: ${conflict.count}`),
        `  transactions ${status.transactions}, most callouts in one ${status.maxCalloutsPerTransaction} (limit 100)`
    ];
    if (status.message) lines.push(status.message);
    return lines.join('\n');
}

async function main(): Promise<number> {
    let options;
    try {
        options = parse();
    } catch (error) {
        console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
        return 2;
    }
    if (!options) {
        console.log(USAGE);
        return 0;
    }
    const qwil = createMockQwil({ persistPath: path.join(options.dataDir, 'mock-qwil-state.json') });
    const org = new MockOrg({
        projectRoot: PROJECT_ROOT,
        credentials: createFileCredentialStore(path.join(options.dataDir, 'named-credentials.json')),
        apexClasses,
        queueables: queueableClasses
    });
    const admin = org.findUser(options.as);
    if (!admin) {
        console.error(`No user ${options.as} in the mock org.\n${USAGE}`);
        return 2;
    }
    const call = async (methodName: string, params: unknown): Promise<unknown> => {
        const outcome = await org.runtime.invoke({ userId: admin.Id, className: CONTROLLER, methodName, params });
        if (!outcome.ok) throw new Error(outcome.error.body.message);
        return outcome.value;
    };
    const server = setupServer(...qwil.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
        const { jobId } = (await call('startLinking', {
            dryRun: options.dryRun,
            callsPerMinute: options.callsPerMinute
        })) as { jobId: string };
        await org.asyncApex.whenIdle();
        const status = LinkingJobStatus.parse(await call('linkingJobStatus', { jobId }));
        console.log(summary(status));
        if (options.csv) {
            const rows: LinkPlanRow[] = [];
            for (let page = 0; page < status.planPages; page += 1)
                rows.push(...LinkingPlanPage.parse(await call('linkingPlan', { jobId, page })).rows);
            writeFileSync(options.csv, planCsv(rows));
            console.log(`The plan (${rows.length} rows) is in ${options.csv}.`);
        }
        return status.stage === 'finished' ? 0 : 1;
    } finally {
        server.close();
    }
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(2);
    }
);
