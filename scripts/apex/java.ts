import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const MINIMUM_JAVA = 17;
const DEBIAN_JRE = 'openjdk-17-jre-headless';

/**
 * JVM options for the Apex checks' runs of a few seconds: the client compiler only and the serial
 * collector. The optimising compiler's threads never pay back in so short a run; without them apex-ls
 * and PMD use about half the CPU time (23 s against 14 s for `npm run check:apex` on 2 cores).
 */
export const SHORT_RUN_JVM_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/**
 * Gives the JVMs started by this process and its children the short-run options, through the `java`
 * launcher's `JDK_JAVA_OPTIONS`: Code Analyzer starts PMD's JVM itself, with this process's environment.
 * Options set by the caller win.
 */
export function preferShortRunJvm(environment: NodeJS.ProcessEnv = process.env): void {
    environment['JDK_JAVA_OPTIONS'] ??= SHORT_RUN_JVM_OPTIONS;
}

/** The Java major version on the PATH (`java -version` prints `version "17.0.15"`, or `"1.8.0_…"` for Java 8), or undefined without Java. */
export function javaMajorVersion(java = 'java'): number | undefined {
    const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) return undefined;
    const [, first, second] = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr}${probe.stdout}`) ?? [];
    if (first === undefined) return undefined;
    return first === '1' && second !== undefined ? Number(second) : Number(first);
}

export interface JavaEnvironment {
    isDebianRoot: boolean;
    version: () => number | undefined;
    install: () => boolean;
}

const hostEnvironment: JavaEnvironment = {
    isDebianRoot: existsSync('/etc/debian_version') && process.getuid?.() === 0,
    version: () => javaMajorVersion(),
    install: () => {
        console.log(`Apex checks: Java is missing; installing ${DEBIAN_JRE} with apt`);
        const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
        const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
        if (update.status !== 0) return false;
        return (
            spawnSync('apt-get', ['install', '-y', '-qq', DEBIAN_JRE], { stdio: ['ignore', 'ignore', 'inherit'], env })
                .status === 0
        );
    }
};

/**
 * Makes sure Java 17 or later runs: installs Debian's JRE when Java is missing and we are root on
 * Debian or Ubuntu, and otherwise throws one line naming what to install. Never skips.
 */
export function ensureJava(environment: JavaEnvironment = hostEnvironment): number {
    let version = environment.version();
    if (version === undefined && environment.isDebianRoot && environment.install()) version = environment.version();
    if (version === undefined) {
        throw new Error(
            `Apex checks need Java ${MINIMUM_JAVA} or later: install ${DEBIAN_JRE} (Debian/Ubuntu) or any JRE ${MINIMUM_JAVA}+ and put java on the PATH`
        );
    }
    if (version < MINIMUM_JAVA) {
        throw new Error(
            `Apex checks need Java ${MINIMUM_JAVA} or later, found Java ${version}: install ${DEBIAN_JRE} (Debian/Ubuntu) or any JRE ${MINIMUM_JAVA}+`
        );
    }
    return version;
}
