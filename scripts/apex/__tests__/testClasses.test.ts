import { type ApexClass, parseApexClass } from '../apexSource';
import { testClassProblems } from '../testClasses';

function parse(file: string, source: string): ApexClass {
    const { apexClass } = parseApexClass(source, file);
    if (!apexClass) throw new Error(`${file} does not parse`);
    return apexClass;
}

const SERVICE = parse(
    'classes/Greeter.cls',
    "public with sharing class Greeter { public static String greet() { return 'hi'; } }"
);

describe('the test class check', () => {
    it('passes a class whose test class asserts in every test method, directly or through a helper', () => {
        const test = parse(
            'classes/Greeter_Test.cls',
            `@IsTest
private class Greeter_Test {
    @IsTest static void greets() { Assert.areEqual('hi', Greeter.greet(), 'greeting'); }
    @IsTest static void greetsAgain() { System.assertEquals('hi', Greeter.greet()); }
    @IsTest static void greetsThroughHelper() { expectGreeting(Greeter.greet()); }
    private static void expectGreeting(String text) { Assert.isTrue(text.length() > 0, 'a greeting'); }
    @TestSetup static void setup() { return; }
}`
        );
        expect(testClassProblems([SERVICE, test])).toEqual([]);
    });

    it('passes a test method that asserts through an assert… method of a shared test class, and no other of its methods', () => {
        const replay = parse(
            'classes/Replay.cls',
            `@IsTest
public class Replay {
    public class Scenario {
        public void assertResult(Object result) { Assert.isNotNull(result, 'a result'); }
        public Object user() { Assert.isTrue(true, 'arranged'); return null; }
    }
}`
        );
        const test = parse(
            'classes/Greeter_Test.cls',
            `@IsTest
private class Greeter_Test {
    @IsTest static void greetsAsRecorded() { new Replay.Scenario().assertResult(Greeter.greet()); }
    @IsTest static void onlyArranges() { new Replay.Scenario().user(); }
}`
        );
        expect(testClassProblems([SERVICE, replay, test])).toEqual([
            'classes/Greeter_Test.cls:4: test method Greeter_Test.onlyArranges asserts nothing'
        ]);
    });

    it('reports a class without a test class, and test methods that assert nothing', () => {
        const test = parse(
            'classes/Other_Test.cls',
            `@IsTest
private class Other_Test {
    @IsTest static void runsOnly() { Greeter.greet(); }
    static testMethod void oldStyle() { helper(); }
    private static void helper() { Greeter.greet(); }
}`
        );
        expect(testClassProblems([SERVICE, test])).toEqual([
            'classes/Greeter.cls: class Greeter has no test class Greeter_Test',
            'classes/Other_Test.cls:3: test method Other_Test.runsOnly asserts nothing',
            'classes/Other_Test.cls:4: test method Other_Test.oldStyle asserts nothing'
        ]);
    });
});
