import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnectorHarness } from '../../../../mock-org/testing/connectorHarness';
import { useQwilServer } from '../../../../mock-org/testing/qwilServer';
import { REPOSITORY_ROOT } from '../../../testing/projectFixture';
import { lwcApexImports } from '../../projectContracts';
import { type RecordedScenario, recordScenario } from '../recordScenario';
import { SCENARIOS } from '../scenarioDefinitions';
import { fakeDateOnly as useFakeDate } from '../../../../mock-org/testing/fakeDateOnly';

// The static resource the Apex tests replay (QwilScenarios). To rewrite it after a change:
//   UPDATE_SCENARIOS=1 npx jest scripts/apex/scenarios
const FIXTURE = 'force-app/main/default/staticresources/QwilScenarios.json';
const RECORDED_AT = new Date('2026-01-15T09:30:00.000Z');
// The locale of a new scratch org's user, who runs the Apex tests: national phone numbers and the
// invite form's default country then read the same in both runtimes.
const APEX_TEST_LOCALE = 'en_US';

const { server, serve } = useQwilServer();
let recorded: RecordedScenario[] = [];
let recordIds: string[] = [];
const credentials: string[] = [];

beforeAll(async () => {
    // Only Date is frozen, so timestamps Qwil writes are the same on every run; timers run as usual.
    useFakeDate(RECORDED_AT);
    for (const scenario of SCENARIOS) {
        const harness = createConnectorHarness(scenario.harness);
        serve(harness);
        credentials.push(harness.apiKey, harness.apiSecret);
        harness.org.records.update(harness.org.requireUser(scenario.runningUser).Id, {
            LocaleSidKey: APEX_TEST_LOCALE
        });
        await scenario.arrange?.(harness);
        // A Person Account is named by its Account (as the record page shows it), not its person contact.
        const personAccounts = harness.org.records
            .all('Account')
            .filter((record) => record['PersonContactId'] !== undefined);
        const clients = [
            ...personAccounts,
            ...harness.org.records.all('Contact'),
            ...harness.org.records.all('Account')
        ];
        const recordIdOf = (name: string): string => {
            const record = clients.find((candidate) => candidate['Name'] === name);
            if (!record) throw new Error(`No client record named ${name}`);
            return record.Id;
        };
        recordIds = [...clients, ...harness.org.records.all('User')].map((record) => record.Id);
        recorded.push(
            await recordScenario(harness, server, scenario.runningUser, {
                name: scenario.name,
                ...scenario.call(recordIdOf)
            })
        );
    }
    jest.useRealTimers();
});
afterAll(() => {
    recorded = [];
});

const projectMethods = (): string[] => lwcApexImports(REPOSITORY_ROOT);
const fixtureText = (): string =>
    `${JSON.stringify({ version: 1, recordedAt: RECORDED_AT.toISOString(), scenarios: recorded }, null, 2)}\n`;

describe('the shared scenarios (static resource QwilScenarios)', () => {
    it('records a success of every method the components call, and each refusal class', () => {
        const refusals = recorded.filter(({ error }) => error !== null).map(({ name }) => name);
        expect(refusals).toEqual(SCENARIOS.map(({ name }) => name).filter((name) => name.startsWith('refused: ')));
        const calledMethods = new Set(
            recorded
                .flatMap((scenario) => [scenario, ...scenario.before])
                .map(({ className, methodName }) => `${className}.${methodName}`)
        );
        expect(projectMethods().filter((method) => !calledMethods.has(method))).toEqual([]);
        const coldOpen = recorded[0]!;
        expect(coldOpen.exchanges.length).toBeGreaterThan(0);
        expect(coldOpen.exchanges.every(({ path }) => /^\/(entity-service|chat-service)\//.test(path))).toBe(true);
        expect(coldOpen.params).toEqual({ recordId: '{{recordId}}' });
        expect(recorded.find(({ name }) => name === 'refused: no record access')?.exchanges).toEqual([]);
    });

    it('holds no org ids, only placeholders, and never the System API key or secret, not even in a file', () => {
        const text = fixtureText();
        expect(recordIds.filter((id) => text.includes(id) || text.includes(id.slice(0, 15)))).toEqual([]);
        expect(text).toContain('{{recordId}}');
        const files = recorded.flatMap(({ exchanges }) =>
            exchanges.flatMap(({ responseFile }) =>
                responseFile ? [Buffer.from(responseFile.base64, 'base64').toString('latin1')] : []
            )
        );
        expect(files).not.toEqual([]);
        expect(
            credentials.filter((credential) =>
                [text, ...files].some((recordedText) => recordedText.includes(credential))
            )
        ).toEqual([]);
    });

    it('matches the committed fixture (else rewrite it with UPDATE_SCENARIOS=1)', () => {
        const path = join(REPOSITORY_ROOT, FIXTURE);
        if (process.env.UPDATE_SCENARIOS === '1') writeFileSync(path, fixtureText());
        expect(readFileSync(path, 'utf8')).toBe(fixtureText());
    });
});
