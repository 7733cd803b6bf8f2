import { ensureJava, preferShortRunJvm } from '../java';

describe('ensureJava', () => {
    it('uses the Java on the PATH when it is 17 or later', () => {
        const install = jest.fn(() => true);
        expect(ensureJava({ isDebianRoot: true, version: () => 21, install })).toBe(21);
        expect(install).not.toHaveBeenCalled();
    });

    it('installs the JRE with apt as root on Debian when Java is missing, then uses it', () => {
        let installed = false;
        const install = jest.fn(() => (installed = true));
        expect(ensureJava({ isDebianRoot: true, version: () => (installed ? 17 : undefined), install })).toBe(17);
        expect(install).toHaveBeenCalledTimes(1);
    });

    it('stops with one line naming what to install elsewhere, and never skips', () => {
        const install = jest.fn(() => true);
        expect(() => ensureJava({ isDebianRoot: false, version: () => undefined, install })).toThrow(
            /^Apex checks need Java 17 or later: install openjdk-17-jre-headless[^\n]*$/
        );
        expect(install).not.toHaveBeenCalled();
    });

    it('refuses a Java older than 17, naming the version found', () => {
        expect(() => ensureJava({ isDebianRoot: false, version: () => 11, install: () => false })).toThrow(
            'found Java 11'
        );
    });
});

describe('preferShortRunJvm', () => {
    it("gives the checks' JVMs the short-run options, unless the caller chose its own", () => {
        const unset: NodeJS.ProcessEnv = {};
        preferShortRunJvm(unset);
        expect(unset['JDK_JAVA_OPTIONS']).toBe('-XX:TieredStopAtLevel=1 -XX:+UseSerialGC');
        const chosen: NodeJS.ProcessEnv = { JDK_JAVA_OPTIONS: '-Xmx2g' };
        preferShortRunJvm(chosen);
        expect(chosen['JDK_JAVA_OPTIONS']).toBe('-Xmx2g');
    });
});
