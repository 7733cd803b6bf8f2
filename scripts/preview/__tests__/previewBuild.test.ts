import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPreview, type PreviewBuildPlan } from '../previewBuild';

// `npm start` skips the preview build when nothing it read has changed (issue #13, item 7).
let root: string;
let builds: number;

function write(file: string, content: string): void {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
}

function plan(overrides: Partial<PreviewBuildPlan> = {}): PreviewBuildPlan {
    return {
        root,
        stampFile: path.join(root, '.build/preview-stamp.json'),
        outputs: ['.build/preview/page.js'],
        fixedInputs: ['rollup.config.mjs'],
        build: () => {
            builds += 1;
            write('.build/preview/page.js', `build ${builds}`);
            return Promise.resolve([path.join(root, 'src/page.ts'), path.join(root, 'src/panel.html')]);
        },
        ...overrides
    };
}

beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'preview-build-'));
    builds = 0;
    write('rollup.config.mjs', 'export default {};');
    write('src/page.ts', 'export const page = 1;');
    write('src/panel.html', '<template></template>');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the preview build on start', () => {
    it('builds when there was no earlier build, then skips while the inputs are unchanged', async () => {
        await expect(buildPreview(plan(), true)).resolves.toEqual({ built: true, reason: 'no earlier build' });
        await expect(buildPreview(plan(), true)).resolves.toEqual({
            built: false,
            reason: 'inputs unchanged since the last build'
        });
        expect(builds).toBe(1);
    });

    it('rebuilds when one file the build read changed, naming it', async () => {
        await buildPreview(plan(), true);
        write('src/panel.html', '<template><p>changed</p></template>');
        await expect(buildPreview(plan(), true)).resolves.toEqual({ built: true, reason: 'src/panel.html changed' });
        await expect(buildPreview(plan(), true)).resolves.toMatchObject({ built: false });
        expect(builds).toBe(2);
    });

    it('rebuilds when the configuration changed', async () => {
        await buildPreview(plan(), true);
        write('rollup.config.mjs', 'export default { output: {} };');
        await expect(buildPreview(plan(), true)).resolves.toEqual({ built: true, reason: 'rollup.config.mjs changed' });
        expect(builds).toBe(2);
    });

    it('rebuilds when the output is gone', async () => {
        await buildPreview(plan(), true);
        rmSync(path.join(root, '.build/preview'), { recursive: true });
        await expect(buildPreview(plan(), true)).resolves.toEqual({
            built: true,
            reason: '.build/preview/page.js is missing'
        });
    });

    it('after a failed build, builds again on the next start', async () => {
        await buildPreview(plan(), true);
        write('src/page.ts', 'export const page = ;');
        const failing = plan({ build: () => Promise.reject(new Error('syntax error in src/page.ts')) });
        await expect(buildPreview(failing, true)).rejects.toThrow('syntax error in src/page.ts');
        await expect(buildPreview(plan(), true)).resolves.toEqual({ built: true, reason: 'no earlier build' });
    });

    it('always builds when the build is asked for (npm run build:preview)', async () => {
        await buildPreview(plan(), true);
        await expect(buildPreview(plan(), false)).resolves.toEqual({ built: true, reason: 'build requested' });
        expect(builds).toBe(2);
    });
});
