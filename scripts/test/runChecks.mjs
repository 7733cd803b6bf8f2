// Runs the named npm scripts (the checks before jest) at once: they are independent, and together they
// keep 2 cores busy where one after the other would leave one idle (tsc and eslint use a single thread).
// Each check's output is printed whole when it ends, so outputs never interleave; exits 1 if any failed.
// Plain JavaScript so it starts without a compile step.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
    console.error('Usage: node scripts/test/runChecks.mjs <npm script>...');
    process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(name) {
    const started = Date.now();
    return new Promise((resolve) => {
        const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
        child.on('close', (code) => {
            const passed = code === 0;
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            process.stdout.write(`== ${name}: ${passed ? 'passed' : 'FAILED'} in ${seconds} s\n`);
            process.stdout.write(Buffer.concat(output));
            resolve({ name, passed });
        });
    });
}

const results = await Promise.all(names.map(run));
const failed = results.filter((result) => !result.passed).map((result) => result.name);
if (failed.length > 0) {
    console.error(`Failed: ${failed.join(', ')}`);
    process.exit(1);
}
