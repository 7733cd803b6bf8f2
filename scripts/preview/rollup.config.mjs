// Browser preview of the package's Lightning web components on the mock org's record page.
// Plugin order matters: Apex imports become fetch calls first, Babel strips TypeScript but
// keeps decorators for the LWC compiler, then LWC compiles components and resolves modules.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { babel } from '@rollup/plugin-babel';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import lwc from '@lwc/rollup-plugin';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const componentsDir = path.join(projectRoot, 'force-app/main/default/lwc');
const apexClientPath = path.join(projectRoot, 'mock-org/ui/apexClient.ts');
const outputDir = path.join(projectRoot, '.build/preview');

// Platform modules that lightning-base-components does not ship, emulated by the mock org.
const platformModules = [
    {
        name: 'lightning/platformShowToastEvent',
        path: path.join(projectRoot, 'mock-org/ui/platform/platformShowToastEvent.ts')
    }
];

/** One `c/<name>` alias per SFDX component bundle; the SFDX layout has no namespace folder. */
function componentModules() {
    if (!existsSync(componentsDir)) return [];
    return readdirSync(componentsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap(({ name }) => {
            const entryFile = ['.ts', '.js']
                .map((extension) => path.join(componentsDir, name, `${name}${extension}`))
                .find((file) => existsSync(file));
            return entryFile ? [{ name: `c/${name}`, path: entryFile }] : [];
        });
}

const APEX_PREFIX = '@salesforce/apex/';
const APEX_VIRTUAL_PREFIX = '\0apex:';
const APEX_REFERENCE = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/;

/** `@salesforce/apex/Cls.method` → a function that calls the mock org's `POST /apex/Cls/method`. */
function apexToFetch() {
    return {
        name: 'apex-to-fetch',
        resolveId(source) {
            return source.startsWith(APEX_PREFIX) ? APEX_VIRTUAL_PREFIX + source.slice(APEX_PREFIX.length) : null;
        },
        load(id) {
            if (!id.startsWith(APEX_VIRTUAL_PREFIX)) return null;
            const reference = id.slice(APEX_VIRTUAL_PREFIX.length);
            const match = APEX_REFERENCE.exec(reference);
            if (!match) this.error(`Unsupported Apex import '${APEX_PREFIX}${reference}': expected Class.method`);
            const [, className, methodName] = match;
            return [
                `import { createApexMethod } from ${JSON.stringify(apexClientPath)};`,
                `export default createApexMethod(${JSON.stringify(className)}, ${JSON.stringify(methodName)});`
            ].join('\n');
        }
    };
}

/** Chunk names carry content hashes, so chunks of earlier builds would otherwise pile up. */
function cleanOutputDir() {
    return {
        name: 'clean-output-dir',
        buildStart() {
            rmSync(outputDir, { recursive: true, force: true });
        }
    };
}

// Template warnings from lightning-base-components (attributes the compiler flags): not ours to fix.
const KNOWN_DEPENDENCY_WARNINGS = new Set(['LWC1057', 'LWC1149']);

function onwarn(warning, warn) {
    const origin = warning.id ?? warning.ids?.[0] ?? warning.message;
    const fromDependency = origin.includes(`${path.sep}node_modules${path.sep}`);
    const code = warning.pluginCode ?? warning.code;
    if (fromDependency && KNOWN_DEPENDENCY_WARNINGS.has(code)) return;
    warn(warning);
}

export default {
    // Page entry modules, served as /preview/<name>.js.
    input: {
        recordPage: path.join(projectRoot, 'mock-org/ui/recordPage.ts'),
        setupCopyButtons: path.join(projectRoot, 'mock-org/ui/setup/setupCopyButtons.ts')
    },
    output: {
        dir: outputDir,
        format: 'es',
        sourcemap: true,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js'
    },
    onwarn,
    plugins: [
        cleanOutputDir(),
        apexToFetch(),
        babel({
            babelHelpers: 'bundled',
            babelrc: false,
            configFile: false,
            extensions: ['.ts'],
            exclude: /node_modules/,
            // allExtensions: the LWC plugin hands over ids such as `x.ts?specifier=c%2Fx`.
            presets: [['@babel/preset-typescript', { allowDeclareFields: true, allExtensions: true }]],
            plugins: [['@babel/plugin-syntax-decorators', { decoratorsBeforeExport: true }]]
        }),
        lwc({
            rootDir: projectRoot,
            modules: [...componentModules(), ...platformModules, { npm: 'lightning-base-components' }],
            enableDynamicComponents: true,
            sourcemap: true
        }),
        nodeResolve({ extensions: ['.ts', '.js', '.mjs'], browser: true }),
        replace({
            preventAssignment: true,
            values: {
                // Development mode: the LWC engine reports component mistakes (such as a component
                // changing its own @api property) as console errors, and the browser tests fail on those.
                'process.env.NODE_ENV': JSON.stringify('development'),
                // lightning-base-components reads this Vite flag.
                'import.meta.env.SSR': 'false'
            }
        })
    ]
};
