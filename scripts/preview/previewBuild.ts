import { existsSync } from 'node:fs';
import path from 'node:path';
import { firstChangedInput, readStamp, removeStamp, stampOf, writeStamp } from './buildStamp';

export interface PreviewBuildPlan {
    root: string;
    /** Where the stamp of the last successful build is kept. */
    stampFile: string;
    /** Files the build writes; a build whose output is gone is not current, whatever its stamp says. */
    outputs: readonly string[];
    /** Inputs that are not among the files the build reports reading (its configuration, the lockfile). */
    fixedInputs: readonly string[];
    /** Builds and returns every file it read. */
    build: () => Promise<readonly string[]>;
}

export interface PreviewBuildOutcome {
    built: boolean;
    /** Why it was built, or why not. */
    reason: string;
}

/** Why the last build is no longer current, or undefined when it is. */
function rebuildReason(plan: PreviewBuildPlan): string | undefined {
    const stamp = readStamp(plan.stampFile);
    if (!stamp) return 'no earlier build';
    const missing = plan.outputs.find((output) => !existsSync(path.resolve(plan.root, output)));
    if (missing) return `${missing} is missing`;
    const changed = firstChangedInput(plan.root, stamp);
    return changed ? `${changed} changed` : undefined;
}

/** Builds unless the last build's inputs are unchanged (`onlyIfChanged`); stamps every successful build. */
export async function buildPreview(plan: PreviewBuildPlan, onlyIfChanged: boolean): Promise<PreviewBuildOutcome> {
    const reason = onlyIfChanged ? rebuildReason(plan) : 'build requested';
    if (reason === undefined) return { built: false, reason: 'inputs unchanged since the last build' };
    // A build that fails half-way leaves no stamp, so the next start builds again.
    removeStamp(plan.stampFile);
    const read = await plan.build();
    writeStamp(plan.stampFile, stampOf(plan.root, [...plan.fixedInputs, ...read]));
    return { built: true, reason };
}
