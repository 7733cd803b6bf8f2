// Runs before `npm test`, so the test command is also the first command that works on a fresh clone:
// installs the locked dependencies when node_modules is missing or older than package-lock.json.
// Plain JavaScript on purpose: nothing from node_modules can be used before it exists.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lockFile = join(root, 'package-lock.json');
// npm writes this hidden lockfile at the end of every install.
const installedLock = join(root, 'node_modules', '.package-lock.json');

function installIsCurrent() {
    return existsSync(installedLock) && statSync(installedLock).mtimeMs >= statSync(lockFile).mtimeMs;
}

if (!installIsCurrent()) {
    console.log('Installing the locked dependencies (npm ci): node_modules is missing or older than package-lock.json');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
        console.error('npm ci failed: install Node.js 20 or later with npm, then run `npm test` again.');
        process.exit(result.status ?? 1);
    }
}
