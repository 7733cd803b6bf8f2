import path from 'node:path';
import { PROJECT_ROOT } from '../../mock-org/projectRoot';

export const PACKAGE_DIR = path.join(PROJECT_ROOT, 'force-app', 'main', 'default');
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, '.local');
export const CREDENTIAL_STORE_FILE = 'named-credentials.json';

/** A command's outcome: printed, then the process exits with its code. */
export class UsageError extends Error {
    override readonly name = 'UsageError';
}

/** The field problems of a rejected input, one per line, as the Setup pages show them. */
export function problemsText(errors: ReadonlyMap<string, string>): string {
    return [...errors.values()].map((problem) => `  - ${problem}`).join('\n');
}

export function runCommand(main: () => Promise<void>, usage: string): void {
    main().then(
        () => process.exit(0),
        (error: unknown) => {
            console.error(error instanceof Error ? error.message : String(error));
            if (error instanceof UsageError) console.error(`\n${usage}`);
            process.exit(1);
        }
    );
}
