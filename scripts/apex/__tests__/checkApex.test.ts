import { SLOW_TEST_TIMEOUT_MS } from '../../../mock-org/testing/testLimits';
import { z } from 'zod';
import { fixtureProject, removeTemporaryDirectories } from '../../testing/projectFixture';
import { type ApexCheckSection, checkApex, type TypeScriptSide } from '../checkApex';

const CLASSES = 'force-app/main/default/classes';
const CLASS_META = `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>65.0</apiVersion>
    <status>Active</status>
</ApexClass>
`;

const GreetingParams = z.strictObject({ recordId: z.string() });
const Greeting = z.object({ text: z.string() });
const TYPESCRIPT_SIDE: TypeScriptSide = {
    lwcImports: ['GreetingController.greet'],
    controllers: [
        {
            name: 'GreetingController',
            methods: { greet: { cacheable: true, params: GreetingParams, result: Greeting } }
        }
    ],
    contractNames: new Map([[Greeting, { apexClass: 'GreetingController', name: 'Greeting' }]])
};

const CONTROLLER = `/**
 * Greets the record's contact.
 */
public with sharing class GreetingController {
    /** What the LWC shows. */
    public class Greeting {
        @AuraEnabled public String text;
    }

    /**
     * The greeting for one contact.
     * @param recordId the Contact id
     * @return the greeting
     */
    @AuraEnabled(cacheable=true)
    public static Greeting greet(String recordId) {
        Greeting greeting = new Greeting();
        greeting.text = 'Hello ' + [SELECT Name FROM Contact WHERE Id = :recordId WITH USER_MODE LIMIT 1].Name;
        return greeting;
    }
}
`;

const CONTROLLER_TEST = `@IsTest
private class GreetingController_Test {
    @IsTest
    static void greetsTheContact() {
        Contact contact = new Contact(LastName = 'Okafor');
        insert as user contact;
        Assert.areEqual('Hello Okafor', GreetingController.greet(contact.Id).text, 'the greeting names the contact');
    }
}
`;

// A type error, a SOQL injection, an unjustified NOPMD, and a test that asserts nothing.
const BROKEN_CONTROLLER = CONTROLLER.replace(
    "greeting.text = 'Hello ' + [SELECT Name FROM Contact WHERE Id = :recordId WITH USER_MODE LIMIT 1].Name;",
    "Integer count = 'one'; // NOPMD\n        greeting.text = 'Hello ' + Database.query('SELECT Name FROM Contact WHERE Id = \\'' + recordId + '\\'')[0].get('Name');"
);
const SILENT_TEST = CONTROLLER_TEST.replace(/Assert\.areEqual\(([^;]*)\);/, 'GreetingController.greet(contact.Id);');

function sections(files: Record<string, string>): Promise<ApexCheckSection[]> {
    return checkApex(fixtureProject(files), TYPESCRIPT_SIDE);
}

const section = (all: ApexCheckSection[], name: string): ApexCheckSection =>
    all.find((candidate) => candidate.name === name)!;

// apex-ls and PMD start a JVM each; on a busy machine that takes a while.
jest.setTimeout(SLOW_TEST_TIMEOUT_MS);
afterAll(removeTemporaryDirectories);

describe('npm run check:apex on a small project', () => {
    it('passes Apex that type-checks, has no severe PMD violation, matches its contract and is tested', async () => {
        const result = await sections({
            [`${CLASSES}/GreetingController.cls`]: CONTROLLER,
            [`${CLASSES}/GreetingController.cls-meta.xml`]: CLASS_META,
            [`${CLASSES}/GreetingController_Test.cls`]: CONTROLLER_TEST,
            [`${CLASSES}/GreetingController_Test.cls-meta.xml`]: CLASS_META
        });
        expect(result.map(({ name, problems }) => [name, problems])).toEqual([
            ['apex-ls', []],
            ['pmd', []],
            ['parity', []],
            ['tests', []]
        ]);
        expect(section(result, 'parity').summary).toBe('parity: 1 of 1 LWC-imported methods matched');
    });

    it('fails each check on what it catches, naming file and line', async () => {
        const result = await sections({
            [`${CLASSES}/GreetingController.cls`]: BROKEN_CONTROLLER,
            [`${CLASSES}/GreetingController.cls-meta.xml`]: CLASS_META,
            [`${CLASSES}/GreetingController_Test.cls`]: SILENT_TEST,
            [`${CLASSES}/GreetingController_Test.cls-meta.xml`]: CLASS_META
        });
        expect(section(result, 'apex-ls').problems).toEqual([
            expect.stringMatching(
                /^force-app\/main\/default\/classes\/GreetingController\.cls:18: Error: Incompatible types in assignment, from 'System.String' to 'System.Integer'/
            )
        ]);
        expect(section(result, 'pmd').problems).toEqual(
            expect.arrayContaining([
                expect.stringMatching(
                    /^force-app\/main\/default\/classes\/GreetingController\.cls:19: ApexSOQLInjection \(severity 2\)/
                ),
                'force-app/main/default/classes/GreetingController.cls:18: // NOPMD without a justification after it'
            ])
        );
        expect(section(result, 'tests').problems).toEqual([
            'force-app/main/default/classes/GreetingController_Test.cls:4: test method GreetingController_Test.greetsTheContact asserts nothing'
        ]);
    });
});
