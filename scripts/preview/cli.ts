// `npm run build:preview` builds the browser preview; `npm start` passes --if-changed, which skips the
// build when every file the last build read is unchanged (see previewBuild.ts).
import path from 'node:path';
import { rollup, type OutputOptions, type RollupBuild, type RollupOptions } from 'rollup';
import { PROJECT_ROOT } from '../../mock-org/projectRoot';
import { buildPreview } from './previewBuild';

const CONFIG_FILE = path.join(PROJECT_ROOT, 'scripts/preview/rollup.config.mjs');
const OUTPUT_DIR = path.join(PROJECT_ROOT, '.build/preview');

/**
 * Every module of the bundle (the LWC plugin loads components as `x.ts?specifier=…`, which its watch
 * list lacks) and every watched file; virtual modules (`\0…`) are not files.
 */
function filesRead(bundle: RollupBuild): string[] {
    const ids = [...(bundle.cache?.modules.map((module) => module.id) ?? []), ...bundle.watchFiles];
    return ids.filter((id) => path.isAbsolute(id)).map((id) => id.replace(/\?.*$/, ''));
}

async function rollupBuild(): Promise<readonly string[]> {
    const { default: config } = (await import(CONFIG_FILE)) as { default: RollupOptions & { output: OutputOptions } };
    const bundle = await rollup(config);
    try {
        await bundle.write(config.output);
        return filesRead(bundle);
    } finally {
        await bundle.close();
    }
}

async function main(): Promise<void> {
    const started = Date.now();
    const outcome = await buildPreview(
        {
            root: PROJECT_ROOT,
            stampFile: path.join(PROJECT_ROOT, '.build/preview-stamp.json'),
            outputs: [path.join(OUTPUT_DIR, 'recordPage.js'), path.join(OUTPUT_DIR, 'setupCopyButtons.js')],
            fixedInputs: [CONFIG_FILE, path.join(PROJECT_ROOT, 'package-lock.json')],
            build: rollupBuild
        },
        process.argv.includes('--if-changed')
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
        outcome.built ? `Preview built in ${seconds} s (${outcome.reason})` : `Preview build skipped: ${outcome.reason}`
    );
}

main().catch((error: unknown) => {
    console.error(`Preview build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
});
