import path from 'node:path';

/** The repository root: force-app and mock-org/seed are read from here. */
export const PROJECT_ROOT = path.resolve(__dirname, '..');
