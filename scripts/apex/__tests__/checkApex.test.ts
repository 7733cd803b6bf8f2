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

/** The TypeScript twin of a `<name>` Apex class with one `greet` method returning its own `Greeting`. */
function greetingTwin(name: string): TypeScriptSide {
    const Greeting = z.object({ text: z.string() });
    return {
        lwcImports: [`${name}.greet`],
        controllers: [{ name, methods: { greet: { cacheable: true, params: GreetingParams, result: Greeting } } }],
        contractNames: new Map([[Greeting, { apexClass: name, name: 'Greeting' }]])
    };
}

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

// One project holds a clean class and a broken one, so apex-ls and PMD start their JVMs once for both.
const CLEAN = 'GreetingController';
const BROKEN = 'BrokenController';
const classFiles = (name: string, source: string): Record<string, string> => ({
    [`${CLASSES}/${name}.cls`]: source,
    [`${CLASSES}/${name}.cls-meta.xml`]: CLASS_META
});
const asBroken = (source: string): string => source.replaceAll(CLEAN, BROKEN);

const section = (all: ApexCheckSection[], name: string): ApexCheckSection =>
    all.find((candidate) => candidate.name === name)!;

// apex-ls and PMD start a JVM each; on a busy machine that takes a while.
jest.setTimeout(SLOW_TEST_TIMEOUT_MS);
afterAll(removeTemporaryDirectories);

describe('npm run check:apex on a small project', () => {
    let result: ApexCheckSection[];
    beforeAll(async () => {
        const clean = greetingTwin(CLEAN);
        const broken = greetingTwin(BROKEN);
        result = await checkApex(
            fixtureProject({
                ...classFiles(CLEAN, CONTROLLER),
                ...classFiles(`${CLEAN}_Test`, CONTROLLER_TEST),
                ...classFiles(BROKEN, asBroken(BROKEN_CONTROLLER)),
                ...classFiles(`${BROKEN}_Test`, asBroken(SILENT_TEST))
            }),
            {
                lwcImports: [...clean.lwcImports, ...broken.lwcImports],
                controllers: [...clean.controllers, ...broken.controllers],
                contractNames: new Map([...clean.contractNames, ...broken.contractNames])
            }
        );
    });

    it('passes Apex that type-checks, has no severe PMD violation, matches its contract and is tested', () => {
        expect(
            result.map(({ name, problems }) => [name, problems.filter((problem) => problem.includes(CLEAN))])
        ).toEqual([
            ['apex-ls', []],
            ['pmd', []],
            ['parity', []],
            ['tests', []]
        ]);
        expect(section(result, 'parity').summary).toBe('parity: 2 of 2 LWC-imported methods matched');
    });

    it('fails each check on what it catches, naming file and line', () => {
        expect(section(result, 'apex-ls').problems).toEqual([
            expect.stringMatching(
                /^force-app\/main\/default\/classes\/BrokenController\.cls:18: Error: Incompatible types in assignment, from 'System.String' to 'System.Integer'/
            )
        ]);
        const pmdProblems = section(result, 'pmd').problems;
        expect(pmdProblems).toEqual(
            expect.arrayContaining([
                expect.stringMatching(
                    /^force-app\/main\/default\/classes\/BrokenController\.cls:19: ApexSOQLInjection \(severity 2\)/
                ),
                'force-app/main/default/classes/BrokenController.cls:18: // NOPMD without a justification after it'
            ])
        );
        expect(pmdProblems.filter((problem) => !problem.startsWith(`${CLASSES}/${BROKEN}.cls:`))).toEqual([]);
        expect(section(result, 'parity').problems).toEqual([]);
        expect(section(result, 'tests').problems).toEqual([
            'force-app/main/default/classes/BrokenController_Test.cls:4: test method BrokenController_Test.greetsTheContact asserts nothing'
        ]);
    });
});
