// `npm run setup:credential`: step 3 from the command line. The secret is read from standard input,
// never from the command line (where the shell history and the process list would keep it).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createFileCredentialStore } from '../../mock-org/platform/callouts/credentialStore';
import { writeLegacyNamedCredential } from '../../mock-org/platform/metadata/namedCredentialWriter';
import {
    QWIL_CREDENTIAL_LABEL,
    QWIL_CREDENTIAL_NAME,
    validateNamedCredentialForm
} from '../../mock-org/server/setup/namedCredentialForm';
import {
    CREDENTIAL_STORE_FILE,
    DEFAULT_DATA_DIR,
    PACKAGE_DIR,
    problemsText,
    runCommand,
    UsageError
} from './cliSupport';

const USAGE = `Usage: <secret on standard input> | npm run setup:credential -- --username <System API key> [--url https://<region>.qwil.io] [--data-dir <dir>]
  Writes the named credential ${QWIL_CREDENTIAL_NAME}: the definition to force-app (with --url), the
  key and secret to the local credential store (default .local/${CREDENTIAL_STORE_FILE}).`;

async function readStdin(): Promise<string> {
    if (process.stdin.isTTY) throw new UsageError('Pipe the System API Key Secret into this command.');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').trim();
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            username: { type: 'string' },
            url: { type: 'string' },
            'data-dir': { type: 'string', default: DEFAULT_DATA_DIR }
        }
    });
    const store = createFileCredentialStore(path.resolve(values['data-dir'], CREDENTIAL_STORE_FILE));
    const password = await readStdin();
    const form = validateNamedCredentialForm(
        {
            label: QWIL_CREDENTIAL_LABEL,
            name: QWIL_CREDENTIAL_NAME,
            url: values.url ?? 'https://eu.qwil.io',
            identityType: 'Named Principal',
            username: values.username,
            password,
            generateAuthorizationHeader: 'on',
            allowMergeFieldsInHeader: 'on'
        },
        undefined
    );
    if (!form.ok) throw new UsageError(`Nothing was written:\n${problemsText(form.errors)}`);
    if (values.url !== undefined) console.log(`Wrote ${writeLegacyNamedCredential(PACKAGE_DIR, form.definition)}.`);
    store.set(form.definition.name, form.principal);
    console.log(`Stored the key ${form.principal.username} and its secret for ${QWIL_CREDENTIAL_NAME}.`);
}

runCommand(main, USAGE);
