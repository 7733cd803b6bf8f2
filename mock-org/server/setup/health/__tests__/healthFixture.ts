import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apexClasses } from '../../../../../force-app/server';
import {
    QWIL_CHAT_SERVICE_NAMED_CREDENTIAL,
    QWIL_NAMED_CREDENTIAL
} from '../../../../../force-app/server/qwil/qwilTransport';
import { SETTINGS_RECORD, SETTINGS_TYPE } from '../../../../../force-app/server/settings/connectorSettings';
import { createMemoryCredentialStore } from '../../../../platform/callouts/credentialStore';
import { CustomMetadataRepository } from '../../../../platform/metadata/customMetadata';
import { writeCustomMetadataRecord } from '../../../../platform/metadata/customMetadataWriter';
import {
    writeLegacyNamedCredential,
    type LegacyNamedCredentialSource
} from '../../../../platform/metadata/namedCredentialWriter';
import { MockOrg } from '../../../../platform/mockOrg';
import { PROJECT_ROOT } from '../../../../projectRoot';
import type { CreateSystemApiKeyInput, MockQwil } from '../../../../qwil';
import { copyPackageMetadata } from '../../../../testing/packageCopy';
import type { HealthCheckEnvironment } from '../healthTypes';

export const SEED_DIR = path.join(PROJECT_ROOT, 'mock-org', 'seed');
export const SOFIA = 'sofia.reyes@harbourwealth.example';
export const GOOD_CREDENTIAL: LegacyNamedCredentialSource = {
    name: QWIL_NAMED_CREDENTIAL,
    label: 'Qwil Messenger Salesforce Connector',
    endpoint: 'https://eu.qwil.io',
    generateAuthorizationHeader: true,
    allowMergeFieldsInHeader: true,
    allowMergeFieldsInBody: false
};

/** A copy of the package an arrangement may break, and the key the named credential holds. */
export class HealthFixture {
    readonly root = mkdtempSync(path.join(tmpdir(), 'qwil-health-'));
    readonly packageDir = path.join(this.root, 'force-app', 'main', 'default');
    /** The key created on the mock Qwil: the guide's recommended key, restricted to Salesforce's range. */
    keyInput: CreateSystemApiKeyInput = { name: 'Salesforce connector', cidrBlocks: ['13.108.0.0/14'] };
    storeKey = true;
    /** The Master User key the optional chat-service named credential holds, when the arrangement stores one. */
    chatServiceKey: { readonly key: string; readonly secret: string } | null = null;

    constructor(readonly qwil: MockQwil) {
        copyPackageMetadata(this.packageDir);
    }

    /** Changes values of the Qwil record, as an admin saving it in Setup would. */
    setSettings(values: Record<string, string | boolean | null>): void {
        const repository = new CustomMetadataRepository(this.packageDir);
        const type = repository.getType(SETTINGS_TYPE);
        const record = repository.getInstance(SETTINGS_TYPE, SETTINGS_RECORD);
        if (!type || !record) throw new Error('The package copy has no Qwil settings record');
        writeCustomMetadataRecord(this.packageDir, type, {
            developerName: record.DeveloperName,
            label: record.MasterLabel,
            values: { ...record.values, ...values }
        });
    }

    remove(relativePath: string): void {
        rmSync(path.join(this.packageDir, relativePath), { recursive: true, force: true });
    }

    writeCredential(changes: Partial<LegacyNamedCredentialSource>): void {
        this.remove(path.join('namedCredentials', `${QWIL_NAMED_CREDENTIAL}.namedCredential-meta.xml`));
        writeLegacyNamedCredential(this.packageDir, { ...GOOD_CREDENTIAL, ...changes });
    }

    /** Adds the optional chat-service named credential as shipped in force-app/optional/, or as written with changes. */
    addChatServiceCredential(changes?: Partial<LegacyNamedCredentialSource>): void {
        const file = `${QWIL_CHAT_SERVICE_NAMED_CREDENTIAL}.namedCredential-meta.xml`;
        if (!changes) {
            copyFileSync(
                path.join(PROJECT_ROOT, 'force-app', 'optional', 'namedCredentials', file),
                path.join(this.packageDir, 'namedCredentials', file)
            );
            return;
        }
        writeLegacyNamedCredential(this.packageDir, {
            ...GOOD_CREDENTIAL,
            name: QWIL_CHAT_SERVICE_NAMED_CREDENTIAL,
            label: 'Qwil Messenger Chat Service',
            generateAuthorizationHeader: false,
            ...changes
        });
    }

    /** Creates the key and the org; `afterKey` may revoke or promote the key first. */
    environment(afterKey: (key: string) => void = () => {}): HealthCheckEnvironment {
        const { key, secret } = this.qwil.control.createSystemApiKey(this.keyInput);
        afterKey(key);
        const credentials = createMemoryCredentialStore({
            ...(this.storeKey ? { [QWIL_NAMED_CREDENTIAL]: { username: key, password: secret } } : {}),
            ...(this.chatServiceKey
                ? {
                      [QWIL_CHAT_SERVICE_NAMED_CREDENTIAL]: {
                          username: this.chatServiceKey.key,
                          password: this.chatServiceKey.secret
                      }
                  }
                : {})
        });
        const org = new MockOrg({ projectRoot: this.root, seedDir: SEED_DIR, credentials, apexClasses });
        return {
            org,
            packageDir: this.packageDir,
            seedDir: SEED_DIR,
            credentials,
            transport: (request) => fetch(request),
            qwil: this.qwil.control,
            adminUserId: org.requireUser(SOFIA).Id
        };
    }

    dispose(): void {
        rmSync(this.root, { recursive: true, force: true });
    }
}
