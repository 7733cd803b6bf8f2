import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { buildDeploy, DeployBuildError, type DeployBuildResult } from '../buildDeploy';
import { listFiles } from '../files';
import {
    BUNDLE_META_XML,
    fixtureProject,
    LWC_DIR,
    removeTemporaryDirectories,
    REPOSITORY_ROOT,
    temporaryDirectory
} from '../../testing/projectFixture';

const PERMISSION_SET = 'force-app/main/default/permissionsets/Qwil_Messenger_User.permissionset-meta.xml';
const CLASSES_DIR = 'force-app/main/default/classes';

const GREETING_COMPONENT = `import { LightningElement, api, wire } from 'lwc';
import getGreeting from '@salesforce/apex/QwilConnectorController.getGreeting';
import type { GreetingResult } from '../../../../server/contracts/greeting';
import { GreetingRequest } from '../../../../server/contracts/greeting';
import { reduceErrors } from 'c/qwilLdsUtils';
import { shout } from './shout';

export default class QwilGreeting extends LightningElement {
    @api recordId!: string;
    @wire(getGreeting, { recordId: '$recordId' }) greeting?: { data?: GreetingResult; error?: unknown };
    declare request: GreetingRequest;

    get text(): string {
        const { data, error } = this.greeting ?? {};
        return error ? reduceErrors(error).join(', ') : shout(data?.text ?? '');
    }
}
`;

const PERMISSION_SET_XML = `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <classAccesses>
        <apexClass>QwilConnectorController</apexClass>
        <enabled>true</enabled>
    </classAccesses>
    <classAccesses>
        <apexClass>QwilSettings</apexClass>
        <enabled>true</enabled>
    </classAccesses>
    <customMetadataTypeAccesses>
        <enabled>true</enabled>
        <name>Qwil_Messenger__mdt</name>
    </customMetadataTypeAccesses>
    <description>Reads the connector&apos;s settings &amp; runs its server methods.</description>
    <hasActivationRequired>false</hasActivationRequired>
    <label>Qwil Messenger User</label>
</PermissionSet>
`;

const APEX_CLASS_META_XML = `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>67.0</apiVersion>
    <status>Active</status>
</ApexClass>
`;

afterAll(removeTemporaryDirectories);

describe('the deploy build of a project with TypeScript LWCs', () => {
    let outDir: string;
    let result: DeployBuildResult;
    const output = (file: string): string => readFileSync(join(outDir, file), 'utf8');

    beforeAll(() => {
        const projectDir = fixtureProject({
            [`${LWC_DIR}/qwilGreeting/qwilGreeting.ts`]: GREETING_COMPONENT,
            [`${LWC_DIR}/qwilGreeting/shout.ts`]:
                'export const shout = (text: string): string => text.toUpperCase();\n',
            [`${LWC_DIR}/qwilGreeting/qwilGreeting.html`]: '<template>{text}</template>\n',
            [`${LWC_DIR}/qwilGreeting/qwilGreeting.js-meta.xml`]: BUNDLE_META_XML,
            [`${LWC_DIR}/qwilGreeting/ambient.d.ts`]: 'declare const ambient: string;\n',
            [`${LWC_DIR}/qwilGreeting/__tests__/qwilGreeting.test.ts`]: "import QwilGreeting from '../qwilGreeting';\n",
            [`${LWC_DIR}/qwilLdsUtils/qwilLdsUtils.ts`]:
                'export const reduceErrors = (error: unknown): string[] => [String(error)];\n',
            [`${LWC_DIR}/qwilLdsUtils/qwilLdsUtils.js-meta.xml`]: BUNDLE_META_XML,
            [`${LWC_DIR}/jsconfig.json`]: '{}\n',
            'force-app/server/contracts/greeting.ts': 'export interface GreetingRequest { recordId: string }\n',
            'force-app/server/contracts/notes.md': 'Server contracts\n',
            'force-app/types/apex.d.ts': "declare module '@salesforce/apex/*';\n",
            [`${CLASSES_DIR}/QwilSettings.cls`]: 'public with sharing class QwilSettings {}\n',
            [`${CLASSES_DIR}/QwilSettings.cls-meta.xml`]: APEX_CLASS_META_XML,
            [PERMISSION_SET]: PERMISSION_SET_XML
        });
        outDir = temporaryDirectory();
        result = buildDeploy(projectDir, outDir);
    });

    it('writes a source-format project of JavaScript LWCs and metadata, without TypeScript, tests or server code', () => {
        expect(listFiles(outDir)).toEqual([
            '.forceignore',
            `${CLASSES_DIR}/QwilSettings.cls`,
            `${CLASSES_DIR}/QwilSettings.cls-meta.xml`,
            `${LWC_DIR}/qwilGreeting/qwilGreeting.html`,
            `${LWC_DIR}/qwilGreeting/qwilGreeting.js`,
            `${LWC_DIR}/qwilGreeting/qwilGreeting.js-meta.xml`,
            `${LWC_DIR}/qwilGreeting/shout.js`,
            `${LWC_DIR}/qwilLdsUtils/qwilLdsUtils.js`,
            `${LWC_DIR}/qwilLdsUtils/qwilLdsUtils.js-meta.xml`,
            PERMISSION_SET,
            'sfdx-project.json'
        ]);
        expect(result.compiledFiles).toHaveLength(3);
    });

    it('strips the types but keeps the LWC decorators for the platform compiler', () => {
        const component = output(`${LWC_DIR}/qwilGreeting/qwilGreeting.js`);
        expect(component).toMatch(/@api\s+recordId;/);
        expect(component).toMatch(/@wire\(getGreeting, \{\s*recordId: '\$recordId'\s*\}\)\s+greeting;/);
        expect(component).not.toMatch(/: string|GreetingResult|declare|request/);
    });

    it('drops imports used only as types and keeps the runtime imports', () => {
        const component = output(`${LWC_DIR}/qwilGreeting/qwilGreeting.js`);
        expect(component).not.toContain('server/contracts');
        for (const module of [
            'lwc',
            '@salesforce/apex/QwilConnectorController.getGreeting',
            'c/qwilLdsUtils',
            './shout'
        ]) {
            expect(component).toContain(`from '${module}'`);
        }
    });

    it('leaves out class access to Apex classes the output lacks, keeps the rest, and says so', () => {
        const permissionSet = output(PERMISSION_SET);
        expect(XMLValidator.validate(permissionSet)).toBe(true);
        expect(permissionSet).not.toContain('QwilConnectorController');
        expect(permissionSet).toContain('<apexClass>QwilSettings</apexClass>');
        expect(permissionSet).toContain('<name>Qwil_Messenger__mdt</name>');
        expect(permissionSet).toContain('connector&apos;s settings &amp; runs');
        expect(result.notes).toContainEqual(
            `${PERMISSION_SET}: left out Apex class access to QwilConnectorController: the output holds no such Apex class`
        );
    });

    it('notes that LWCs import an Apex class the output lacks, naming class, methods and bundles', () => {
        expect(result.notes).toContainEqual(
            expect.stringMatching(
                /^Apex class QwilConnectorController \(getGreeting\), imported by LWC qwilGreeting, is not in the output/
            )
        );
        expect(result.notes.join('\n')).not.toContain('QwilSettings');
    });
});

describe('the deploy build of a project holding every Apex class it grants and imports', () => {
    const CONTROLLER_CLS =
        'public with sharing class QwilConnectorController { @AuraEnabled public static String getGreeting() { return null; } }\n';
    const CACHE_PARTITION = 'force-app/main/default/cachePartitions/QwilConnector.cachePartition-meta.xml';
    const STATIC_RESOURCE = 'force-app/main/default/staticresources/QwilScenarios';
    let outDir: string;
    let result: DeployBuildResult;

    beforeAll(() => {
        const projectDir = fixtureProject({
            [`${LWC_DIR}/qwilGreeting/qwilGreeting.ts`]: GREETING_COMPONENT,
            [`${LWC_DIR}/qwilGreeting/shout.ts`]:
                'export const shout = (text: string): string => text.toUpperCase();\n',
            [`${LWC_DIR}/qwilGreeting/qwilGreeting.js-meta.xml`]: BUNDLE_META_XML,
            [`${LWC_DIR}/qwilLdsUtils/qwilLdsUtils.ts`]:
                'export const reduceErrors = (error: unknown): string[] => [String(error)];\n',
            [`${LWC_DIR}/qwilLdsUtils/qwilLdsUtils.js-meta.xml`]: BUNDLE_META_XML,
            [`${CLASSES_DIR}/QwilConnectorController.cls`]: CONTROLLER_CLS,
            [`${CLASSES_DIR}/QwilConnectorController.cls-meta.xml`]: APEX_CLASS_META_XML,
            [`${CLASSES_DIR}/QwilSettings.cls`]: 'public with sharing class QwilSettings {}\n',
            [`${CLASSES_DIR}/QwilSettings.cls-meta.xml`]: APEX_CLASS_META_XML,
            [CACHE_PARTITION]: readFileSync(join(REPOSITORY_ROOT, CACHE_PARTITION), 'utf8'),
            [`${STATIC_RESOURCE}.json`]: '{"scenarios":[]}\n',
            [`${STATIC_RESOURCE}.resource-meta.xml`]: readFileSync(
                join(REPOSITORY_ROOT, `${STATIC_RESOURCE}.resource-meta.xml`),
                'utf8'
            ),
            [PERMISSION_SET]: PERMISSION_SET_XML
        });
        outDir = temporaryDirectory();
        result = buildDeploy(projectDir, outDir);
    });

    it('carries the Apex classes, the cache partition and the static resource', () => {
        expect(listFiles(outDir)).toEqual(
            expect.arrayContaining([
                `${CLASSES_DIR}/QwilConnectorController.cls`,
                `${CLASSES_DIR}/QwilConnectorController.cls-meta.xml`,
                CACHE_PARTITION,
                `${STATIC_RESOURCE}.json`,
                `${STATIC_RESOURCE}.resource-meta.xml`
            ])
        );
    });

    it('keeps the permission set as written and prints no note', () => {
        expect(readFileSync(join(outDir, PERMISSION_SET), 'utf8')).toBe(PERMISSION_SET_XML);
        expect(result.notes).toEqual([]);
    });
});

describe('the deploy build of LWCs importing modules the platform cannot load', () => {
    let problems: string[];

    beforeAll(() => {
        const projectDir = fixtureProject({
            [`${LWC_DIR}/qwilPhone/qwilPhone.ts`]: "import { z } from 'zod';\nexport const phone = z.string();\n",
            [`${LWC_DIR}/qwilPhone/qwilPhone.js-meta.xml`]: BUNDLE_META_XML,
            [`${LWC_DIR}/qwilChat/qwilChat.js`]: [
                "import { send } from '../qwilPhone/send';",
                "export { title } from 'c/qwilMissing';",
                "export const load = () => import('./missing');",
                'export { send };',
                ''
            ].join('\n'),
            [`${LWC_DIR}/qwilChat/qwilChat.js-meta.xml`]: BUNDLE_META_XML,
            [`${LWC_DIR}/qwilChat/format.ts`]: 'export const format = (text: string): string => text.trim();\n',
            [`${LWC_DIR}/qwilChat/format.js`]: 'export const format = (text) => text;\n'
        });
        try {
            buildDeploy(projectDir, temporaryDirectory());
            problems = [];
        } catch (error) {
            if (!(error instanceof DeployBuildError)) throw error;
            problems = error.problems;
        }
    });

    it('fails on an npm package, naming the TypeScript file and the import', () => {
        expect(problems).toContainEqual(
            expect.stringMatching(
                new RegExp(`^${LWC_DIR}/qwilPhone/qwilPhone\\.ts: import 'zod' is not available on the platform`)
            )
        );
    });

    it('fails on a relative import leaving the bundle, a c/ module that is not there, and a missing file', () => {
        expect(problems).toEqual(
            expect.arrayContaining([
                `${LWC_DIR}/qwilChat/qwilChat.js: import '../qwilPhone/send' leaves its bundle; share code through a c/ module instead`,
                `${LWC_DIR}/qwilChat/qwilChat.js: import 'c/qwilMissing' names no LWC bundle in the output`,
                `${LWC_DIR}/qwilChat/qwilChat.js: import './missing' names no file in the bundle`
            ])
        );
        expect(problems).toHaveLength(5);
    });

    it('fails when a TypeScript module and a JavaScript module of the same name share a bundle', () => {
        expect(problems).toContain(`${LWC_DIR}/qwilChat/format.ts: format.js exists beside it; keep one of the two`);
    });
});
