import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../projectRoot';

/** The package folders the mock org never reads from disk: its server methods are imported, not loaded. */
const CODE_FOLDERS = new Set(['classes', 'lwc', 'staticresources']);
const PACKAGE_DIR = path.join(PROJECT_ROOT, 'force-app', 'main', 'default');

/**
 * Copies the package's metadata (objects, custom metadata records, named credentials, permission sets,
 * record pages, cache partitions) into `targetPackageDir`, for a test that lets Setup write there or
 * breaks something. The Apex classes, components and static resources are left out: they are most of
 * the package's files and the mock org does not read them.
 */
export function copyPackageMetadata(targetPackageDir: string): void {
    cpSync(PACKAGE_DIR, targetPackageDir, {
        recursive: true,
        filter: (source) => path.dirname(source) !== PACKAGE_DIR || !CODE_FOLDERS.has(path.basename(source))
    });
}

/** A new temporary project root holding a copy of the package's metadata at `force-app/main/default`. */
export function projectWithPackageMetadata(prefix: string): string {
    const projectRoot = mkdtempSync(path.join(tmpdir(), prefix));
    copyPackageMetadata(path.join(projectRoot, 'force-app', 'main', 'default'));
    return projectRoot;
}
