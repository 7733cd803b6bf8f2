import { type ApexClass, type ApexMethod, isTest } from './apexSource';

export const TEST_CLASS_SUFFIX = '_Test';

// Bodies are token text without blanks, so `Assert.areEqual(` and `System.assertEquals(` appear as written.
const ASSERTION = /\b(?:Assert\.\w+|System\.assert\w*)\(/i;

/**
 * Every class that is not a test class needs `<Class>_Test`, and every test method asserts,
 * directly or through a helper method of its own class that does.
 */
export function testClassProblems(classes: readonly ApexClass[]): string[] {
    const classNames = new Set(classes.map((apexClass) => apexClass.name.toLowerCase()));
    const missingTestClasses = classes
        .filter((apexClass) => !isTest(apexClass) && !classNames.has(`${apexClass.name}${TEST_CLASS_SUFFIX}`.toLowerCase()))
        .map((apexClass) => `${apexClass.file}: class ${apexClass.name} has no test class ${apexClass.name}${TEST_CLASS_SUFFIX}`);
    const testsWithoutAssertions = classes.flatMap((apexClass) =>
        testMethodsOf(apexClass)
            .filter((method) => !asserts(method, apexClass.methods))
            .map((method) => `${apexClass.file}:${method.line}: test method ${apexClass.name}.${method.name} asserts nothing`)
    );
    return [...missingTestClasses, ...testsWithoutAssertions];
}

function testMethodsOf(apexClass: ApexClass): ApexMethod[] {
    return [apexClass, ...apexClass.innerClasses].flatMap((declaringClass) => declaringClass.methods.filter(isTest));
}

function asserts(method: ApexMethod, classMethods: readonly ApexMethod[], visited = new Set<string>()): boolean {
    if (ASSERTION.test(method.body)) return true;
    visited.add(method.name.toLowerCase());
    return classMethods.some(
        (helper) =>
            !visited.has(helper.name.toLowerCase()) &&
            new RegExp(`(?:^|[^.\\w])${helper.name}\\(`, 'i').test(method.body) &&
            asserts(helper, classMethods, visited)
    );
}
