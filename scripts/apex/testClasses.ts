import { type ApexClass, type ApexMethod, isTest } from './apexSource';

export const TEST_CLASS_SUFFIX = '_Test';

// Bodies are token text without blanks, so `Assert.areEqual(` and `System.assertEquals(` appear as written.
const ASSERTION = /\b(?:Assert\.\w+|System\.assert\w*)\(/i;

/**
 * Every class that is not a test class needs `<Class>_Test`, and every test method asserts,
 * directly, through a helper method of its own class that does, or through an `assert…` method of
 * a test class that does (e.g. `scenario.assertResult(…)` of QwilScenarios).
 */
export function testClassProblems(classes: readonly ApexClass[]): string[] {
    const classNames = new Set(classes.map((apexClass) => apexClass.name.toLowerCase()));
    const missingTestClasses = classes
        .filter(
            (apexClass) => !isTest(apexClass) && !classNames.has(`${apexClass.name}${TEST_CLASS_SUFFIX}`.toLowerCase())
        )
        .map(
            (apexClass) =>
                `${apexClass.file}: class ${apexClass.name} has no test class ${apexClass.name}${TEST_CLASS_SUFFIX}`
        );
    const sharedAssertions = sharedAssertionNames(classes);
    const testsWithoutAssertions = classes.flatMap((apexClass) =>
        testMethodsOf(apexClass)
            .filter((method) => !asserts(method, apexClass.methods, sharedAssertions))
            .map(
                (method) =>
                    `${apexClass.file}:${method.line}: test method ${apexClass.name}.${method.name} asserts nothing`
            )
    );
    return [...missingTestClasses, ...testsWithoutAssertions];
}

/** Names of the `assert…` methods of test classes (and their inner classes) that assert. */
function sharedAssertionNames(classes: readonly ApexClass[]): string[] {
    return classes
        .filter(isTest)
        .flatMap((testClass) => [testClass, ...testClass.innerClasses])
        .flatMap((declaringClass) =>
            declaringClass.methods.filter(
                (method) => /^assert/i.test(method.name) && asserts(method, declaringClass.methods, [])
            )
        )
        .map((method) => method.name);
}

function callsSharedAssertion(method: ApexMethod, names: readonly string[]): boolean {
    return names.some((name) => new RegExp(`\\.${name}\\(`, 'i').test(method.body));
}

function testMethodsOf(apexClass: ApexClass): ApexMethod[] {
    return [apexClass, ...apexClass.innerClasses].flatMap((declaringClass) => declaringClass.methods.filter(isTest));
}

function asserts(
    method: ApexMethod,
    classMethods: readonly ApexMethod[],
    sharedAssertions: readonly string[],
    visited = new Set<string>()
): boolean {
    if (ASSERTION.test(method.body) || callsSharedAssertion(method, sharedAssertions)) return true;
    visited.add(method.name.toLowerCase());
    return classMethods.some(
        (helper) =>
            !visited.has(helper.name.toLowerCase()) &&
            new RegExp(`(?:^|[^.\\w])${helper.name}\\(`, 'i').test(method.body) &&
            asserts(helper, classMethods, sharedAssertions, visited)
    );
}
