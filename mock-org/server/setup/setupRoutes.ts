import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { renderMessagePage } from '../../ui/pages';
import {
    renderHealthCheck,
    renderRecordPages,
    renderSetupHome,
    SETUP_PATHS,
    type SetupStep
} from '../../ui/pages/setup';
import { handleApiKeyRoutes } from './apiKeyRoutes';
import { credentialSecretCheck, namedCredentialCheck, readNamedCredentials } from './health/credentialChecks';
import { recordPagesCheck } from './health/recordPagesCheck';
import { runHealthCheck } from './health/runHealthCheck';
import { readSettings } from './health/settingsChecks';
import { handleLinkClientsRoutes } from './linkClientsRoutes';
import { handleMetadataRoutes } from './metadataRoutes';
import { handleNamedCredentialRoutes } from './namedCredentialRoutes';
import { readRecordPages } from './recordPages';
import type { SetupDependencies } from './setupDependencies';
import type { Session } from '../sessions';
import { redirect, sendHtml } from '../httpErrors';
import { setupRequest, type SetupRequest } from './setupHttp';

export type SetupListener = (request: IncomingMessage, response: ServerResponse, session: Session) => Promise<void>;

const STEPS: Omit<SetupStep, 'done'>[] = [
    {
        number: 1,
        title: 'Download and install the Qwil Messenger AppExchange package',
        text: 'In this mock org the package is deployed from source (force-app): there is nothing to install.',
        link: null
    },
    {
        number: 2,
        title: 'Generate a System API Key',
        text: 'As a Qwil system administrator, create a System API key: export unchecked; read-only, write-only and data reviewer checked; CIDR blocks recommended. Copy the key and secret: they are shown once.',
        link: { label: 'Qwil admin console: System API Keys', href: SETUP_PATHS.apiKeys }
    },
    {
        number: 3,
        title: 'Create a Named Credential record',
        text: 'Named "Qwil Messenger Salesforce Connector" / Qwil_Messenger_Salesforce_Connector, URL https://<region>.qwil.io, Named Principal, the key as Username and the secret as Password.',
        link: { label: 'Named Credentials', href: SETUP_PATHS.namedCredential }
    },
    {
        number: 4,
        title: 'Specify the Custom Metadata Type values',
        text: 'Create the Qwil Messenger record named Qwil: the field mappings and how the connector works for your organisation.',
        link: { label: 'Custom Metadata Types: Qwil Messenger, Manage Records', href: SETUP_PATHS.metadataRecords }
    },
    {
        number: 5,
        title: 'Edit the client record page',
        text: 'Add a tab named "Qwil Messenger" to each client record page and put the qwilChatTabsMenu component in it. Then check everything with the connector health check.',
        link: { label: 'Lightning Record Pages', href: SETUP_PATHS.recordPages }
    }
];

/** What the org shows of each step, from the same checks as the health check. */
function stepsWithProgress(deps: SetupDependencies, adminUserId: string): SetupStep[] {
    const env = { ...deps, adminUserId };
    const settings = readSettings(deps.org);
    const done: Record<number, boolean> = {
        2: deps.qwil.snapshot().apiKeys.some((key) => !key.revoked),
        3:
            credentialSecretCheck(env).status === 'pass' &&
            namedCredentialCheck(readNamedCredentials(deps.packageDir), settings).status !== 'fail',
        4: settings.ok,
        5: recordPagesCheck(deps.packageDir).status !== 'fail'
    };
    return STEPS.map((step) => ({ ...step, done: done[step.number] ?? null }));
}

const INSUFFICIENT_PRIVILEGES =
    'You do not have the level of access necessary to perform the operation you requested. Setup needs the Customize Application permission: ask your administrator if access is necessary.';

async function handleReadOnlyPages(deps: SetupDependencies, setup: SetupRequest): Promise<boolean> {
    if (setup.request.method !== 'GET') return false;
    switch (setup.url.pathname) {
        case '/setup':
            redirect(setup.response, SETUP_PATHS.home);
            return true;
        case SETUP_PATHS.home:
            sendHtml(
                setup.response,
                200,
                renderSetupHome({ ...setup.chrome('Setup Home'), steps: stepsWithProgress(deps, setup.userId) })
            );
            return true;
        case SETUP_PATHS.recordPages:
            sendHtml(
                setup.response,
                200,
                renderRecordPages({
                    ...setup.chrome('Lightning Record Pages'),
                    pages: readRecordPages(deps.packageDir).map((page) => ({
                        ...page,
                        file: path.relative(deps.packageDir, page.file)
                    }))
                })
            );
            return true;
        case SETUP_PATHS.healthCheck: {
            const results = await runHealthCheck({ ...deps, adminUserId: setup.userId });
            sendHtml(setup.response, 200, renderHealthCheck({ ...setup.chrome('Connector Health Check'), results }));
            return true;
        }
        default:
            return false;
    }
}

/** Setup under `/setup/`: only users with Customize Application get past the door. */
export function createSetupRoutes(deps: SetupDependencies): SetupListener {
    const handlers = [
        handleReadOnlyPages,
        handleApiKeyRoutes,
        handleNamedCredentialRoutes,
        handleMetadataRoutes,
        handleLinkClientsRoutes
    ];
    return async (request, response, session) => {
        const setup = setupRequest(deps.org, request, response, session);
        const message = (status: number, heading: string, text: string) =>
            sendHtml(response, status, renderMessagePage({ ...setup.chrome(heading), heading, message: text, status }));
        if (!deps.org.accessOf(session.userId).hasUserPermission('CustomizeApplication'))
            return message(403, 'Insufficient Privileges', INSUFFICIENT_PRIVILEGES);
        for (const handle of handlers) if (await handle(deps, setup)) return;
        message(404, 'Page not found', 'This Setup page does not exist. Start from Setup Home.');
    };
}
