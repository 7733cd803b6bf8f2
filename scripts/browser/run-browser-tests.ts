// `npm run test:browser` (after the preview build): runs the Chromium smoke tests, which the
// default `jest` run leaves out, and passes any extra arguments on to Jest.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const projectRoot = path.resolve(__dirname, '../..');
const jest = path.join(projectRoot, 'node_modules', '.bin', 'jest');

const result = spawnSync(jest, ['--selectProjects', 'browser', ...process.argv.slice(2)], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, BROWSER_TESTS: '1' }
});
process.exit(result.status ?? 1);
