import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeProjectFile } from '../deploy/files';

export const REPOSITORY_ROOT = resolve(__dirname, '../..');
export const LWC_DIR = 'force-app/main/default/lwc';

const temporaryDirectories: string[] = [];

/** A fresh temporary directory, removed by `removeTemporaryDirectories`. */
export function temporaryDirectory(): string {
    const directory = mkdtempSync(join(tmpdir(), 'qwil-deploy-test-'));
    temporaryDirectories.push(directory);
    return directory;
}

export function removeTemporaryDirectories(): void {
    for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
}

/** A temporary SFDX project with the repository's sfdx-project.json and .forceignore plus `files`. */
export function fixtureProject(files: Record<string, string>): string {
    const projectDir = temporaryDirectory();
    for (const file of ['sfdx-project.json', '.forceignore']) {
        writeProjectFile(projectDir, file, readFileSync(join(REPOSITORY_ROOT, file)));
    }
    for (const [file, content] of Object.entries(files)) writeProjectFile(projectDir, file, content);
    return projectDir;
}

/** A temporary copy of `projectDir`. */
export function copyOfProject(projectDir: string): string {
    const copy = temporaryDirectory();
    cpSync(projectDir, copy, { recursive: true });
    return copy;
}

export const BUNDLE_META_XML = `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>67.0</apiVersion>
    <isExposed>false</isExposed>
</LightningComponentBundle>
`;
