// `npm test`: runs the named npm scripts (the checks) and, after `--`, one more command (jest with the
// arguments given to `npm test`), all at once. They are independent, and together they keep 2 cores busy
// where one after the other would leave one idle: tsc, eslint and Prettier use a single thread, and the
// Apex check waits on its JVMs while jest's workers could run. The command after `--` writes to the
// terminal as it goes; each check's output is printed whole when it ends, so outputs never interleave
// mid-line. Exits 1 naming whatever failed. Plain JavaScript so it starts without a compile step.
import { spawn } from 'node:child_process';

const argv = process.argv.slice(2);
const separator = argv.indexOf('--');
const names = separator === -1 ? argv : argv.slice(0, separator);
const [command, ...commandArgs] = separator === -1 ? [] : argv.slice(separator + 1);
if (names.length === 0 && command === undefined) {
    console.error('Usage: node scripts/test/runChecks.mjs <npm script>... [-- <command> <argument>...]');
    process.exit(2);
}

const windows = process.platform === 'win32';
const npm = windows ? 'npm.cmd' : 'npm';
const seconds = (started) => ((Date.now() - started) / 1000).toFixed(1);

function runCheck(name) {
    const started = Date.now();
    return new Promise((resolve) => {
        const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: windows });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
        child.on('close', (code) => {
            const passed = code === 0;
            process.stdout.write(`== ${name}: ${passed ? 'passed' : 'FAILED'} in ${seconds(started)} s\n`);
            process.stdout.write(Buffer.concat(output));
            resolve({ name, passed });
        });
    });
}

// npm puts node_modules/.bin on the PATH of a script, so `jest` resolves as it would in the script itself.
function runCommand() {
    const started = Date.now();
    return new Promise((resolve) => {
        const child = spawn(command, commandArgs, { stdio: 'inherit', shell: windows });
        child.on('error', (error) => console.error(`${command}: ${error.message}`));
        child.on('close', (code) => {
            const passed = code === 0;
            process.stdout.write(`== ${command}: ${passed ? 'passed' : 'FAILED'} in ${seconds(started)} s\n`);
            resolve({ name: command, passed });
        });
    });
}

const results = await Promise.all([...(command === undefined ? [] : [runCommand()]), ...names.map(runCheck)]);
const failed = results.filter((result) => !result.passed).map((result) => result.name);
if (failed.length > 0) {
    console.error(`Failed: ${failed.join(', ')}`);
    process.exit(1);
}
