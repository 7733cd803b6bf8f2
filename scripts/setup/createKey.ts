// `npm run setup:key`: step 2 from the command line. Creates a System API key on the running dev
// server's mock Qwil, through its admin API (so the server's state file has a single writer),
// authenticated by the local admin token the server wrote to its data directory.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { QWIL_NAMED_CREDENTIAL } from '../../force-app/server/qwil/qwilTransport';
import { createFileCredentialStore } from '../../mock-org/platform/callouts/credentialStore';
import { ADMIN_TOKEN_FILE, readAdminToken } from '../../mock-org/server/localState';
import { KEY_PERMISSIONS, validateApiKeyForm } from '../../mock-org/server/setup/apiKeyForm';
import { CREDENTIAL_STORE_FILE, DEFAULT_DATA_DIR, problemsText, runCommand, UsageError } from './cliSupport';

const USAGE = `Usage: npm run setup:key -- --name <name> [--cidr <block,block>] [--export] [--no-read] [--no-write] [--no-review]
                          [--server <url>] [--data-dir <dir>] [--store]
  Defaults are the guide's recommended key: export off; read-only, write-only and data reviewer on.
  --server    the running dev server (default http://127.0.0.1:3000)
  --data-dir  its data directory (default .local): the admin token is read from there
  --store     put the key and secret straight into the named credential's local store instead of
              printing them (the secret is then never shown)`;

interface CreatedKey {
    readonly ok: true;
    readonly result: { readonly key: string; readonly secret: string };
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            name: { type: 'string' },
            cidr: { type: 'string', default: '' },
            export: { type: 'boolean', default: false },
            'no-read': { type: 'boolean', default: false },
            'no-write': { type: 'boolean', default: false },
            'no-review': { type: 'boolean', default: false },
            server: { type: 'string', default: 'http://127.0.0.1:3000' },
            store: { type: 'boolean', default: false },
            'data-dir': { type: 'string', default: DEFAULT_DATA_DIR }
        }
    });
    const on = (flag: boolean) => (flag ? 'on' : undefined);
    const form = validateApiKeyForm(
        {
            name: values.name,
            cidrBlocks: values.cidr,
            canExportData: on(values.export),
            canReadOnly: on(!values['no-read']),
            canWriteOnly: on(!values['no-write']),
            canDataReview: on(!values['no-review'])
        },
        KEY_PERMISSIONS
    );
    if (!form.ok) throw new UsageError(`The key was not created:\n${problemsText(form.errors)}`);
    const adminToken = readAdminToken(values['data-dir']);
    if (!adminToken)
        throw new UsageError(
            `No ${ADMIN_TOKEN_FILE} in ${values['data-dir']}: start the dev server once (npm start), or pass its --data-dir.`
        );
    const response = await fetch(`${values.server}/__mock-qwil-admin/keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify(form.key)
    }).catch((error: unknown) => {
        throw new Error(
            `The dev server at ${values.server} did not answer (${error instanceof Error ? error.message : String(error)}). Start it with npm start.`
        );
    });
    if (!response.ok) throw new Error(`The mock Qwil refused the key: ${response.status} ${await response.text()}`);
    const { result } = (await response.json()) as CreatedKey;
    if (values.store) {
        const file = path.resolve(values['data-dir'], CREDENTIAL_STORE_FILE);
        createFileCredentialStore(file).set(QWIL_NAMED_CREDENTIAL, { username: result.key, password: result.secret });
        console.log(
            `Created System API key ${result.key} and stored it with its secret in ${QWIL_NAMED_CREDENTIAL} (${file}).`
        );
        return;
    }
    console.error('Copy the key and secret now: they are shown only once.');
    console.log(`System API Key: ${result.key}\nSystem API Key Secret: ${result.secret}`);
}

runCommand(main, USAGE);
