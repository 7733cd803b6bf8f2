import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT_FILE = 'sfdx-project.json';

export interface SfdxProject {
    packageDirectories: string[];
    sourceApiVersion?: string;
}

/** The package directory paths and source API version that a project's sfdx-project.json declares. */
export function readSfdxProject(projectDir: string): SfdxProject {
    const projectFile = join(projectDir, PROJECT_FILE);
    const project = JSON.parse(readFileSync(projectFile, 'utf8')) as {
        packageDirectories?: { path: string }[];
        sourceApiVersion?: string;
    };
    const packageDirectories = (project.packageDirectories ?? []).map((directory) => directory.path);
    if (packageDirectories.length === 0) throw new Error(`${projectFile}: declares no packageDirectories`);
    return { packageDirectories, sourceApiVersion: project.sourceApiVersion };
}
