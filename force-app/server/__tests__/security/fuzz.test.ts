import fc from 'fast-check';
import { apexClasses } from '../../index';
import type { AuraEnabledMethod } from '../../platform/auraEnabled';
import {
    createConnectorHarness,
    type ConnectorHarness,
    type ConnectorHarnessOptions
} from '../../../../mock-org/testing/connectorHarness';
import { useQwilServer } from '../../../../mock-org/testing/qwilServer';
import { orgRecordsSnapshot, qwilStateSnapshot } from '../../../../mock-org/testing/stateSnapshot';
import { SLOW_TEST_TIMEOUT_MS } from '../../../../mock-org/testing/testLimits';
import { paramsArbitrary, seedValuesOf, type SeedValues } from './paramsArbitraries';

// Every server method, called the way a component calls it (JSON through the mock org's runtime,
// as the running user, callouts to the mock Qwil), with generated parameters. Each call must end
// in a success that parses with the method's result schema, or in a refusal shaped as an
// AuraHandledException whose message says what is wrong, and a refusal must change nothing in the
// org or in Qwil. The callers are four seeded users: staff with access, staff with access to
// their own clients only, the administrator, and a user without the permission set.
// Reproduce a failure with the seed and path it prints:
//   FUZZ_SEED=<seed> FUZZ_PATH=<path> npx jest force-app/server/__tests__/security/fuzz.test.ts -t '<Class>.<method>'

const RUNS_PER_METHOD = 200;
// A method's runs share one test, on a shared machine.
jest.setTimeout(SLOW_TEST_TIMEOUT_MS);

const USERS = {
    /** Staff with access to most clients. */
    olivia: 'olivia.hart@harbourwealth.example',
    /** Owns Hannah and George only; every other client is outside his access. */
    james: 'james.patel@harbourwealth.example',
    /** Sees everything; gets configuration details in errors. */
    sofia: 'sofia.reyes@harbourwealth.example',
    /** No Qwil Messenger permission set: refused the classes (staff are refused the administrators' classes too). */
    daniel: 'daniel.brooks@harbourwealth.example'
} as const;
/** Mostly users who get past the class check, so the calls reach the services. */
const runningUser = fc.oneof(
    { weight: 3, arbitrary: fc.constant(USERS.olivia) },
    { weight: 2, arbitrary: fc.constant(USERS.james) },
    { weight: 1, arbitrary: fc.constant(USERS.sofia) },
    { weight: 1, arbitrary: fc.constant(USERS.daniel) }
);

/** fast-check's settings; FUZZ_SEED and FUZZ_PATH replay a printed failure, FUZZ_RUNS runs longer to hunt. */
function runSettings(): fc.Parameters<unknown> {
    const seed = process.env.FUZZ_SEED;
    return {
        numRuns: Math.max(RUNS_PER_METHOD, Number(process.env.FUZZ_RUNS ?? 0)),
        ...(seed ? { seed: Number(seed), path: process.env.FUZZ_PATH } : {})
    };
}

/** What a component receives from a failed call (see connectorHarness). */
interface CallError {
    readonly ok: false;
    readonly body: Record<string, unknown>;
}
const isCallError = (error: unknown): error is CallError =>
    typeof error === 'object' &&
    error !== null &&
    (error as CallError).ok === false &&
    typeof (error as CallError).body === 'object';

/** Text that only an unhandled failure puts in a message: runtime errors, zod's raw issues, stack frames, a raw Qwil code. */
const UNHANDLED_TEXT =
    /TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert|is not a function|is not iterable|(of|is) (undefined|null)\b|\[object |ZodError|"code":|"path":|\n\s+at |\((?:RN|RU|RF|QX)\d{3}\)/;

const { serve, requests } = useQwilServer();

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** The mock org and mock Qwil under fuzzing, and their state as of the last call, to see what a call changed. */
class FuzzedOrg {
    readonly harness: ConnectorHarness;
    readonly seed: SeedValues;
    /** Only the calls change the records, so one call's after is the next one's before. */
    private orgRecords: string;
    /**
     * Only the calls change Qwil, and only through callouts, so it is taken again only after a
     * call that made one (a whole-state snapshot on every call would dominate the run).
     */
    private qwilState = '';

    constructor(options: ConnectorHarnessOptions) {
        this.harness = createConnectorHarness(options);
        serve(this.harness);
        this.restoreQwilSeed();
        this.orgRecords = orgRecordsSnapshot(this.harness.org);
        this.seed = seedValuesOf(this.harness.org, this.harness.qwil.control.snapshot());
    }

    /** Back to the seed after a call that changed Qwil, so later inputs meet the seeded groups and chats again. */
    restoreQwilSeed(): void {
        this.harness.qwil.control.reset({ keepApiKeys: true });
        // Thousands of calls in a minute: Qwil's per-key rate limit would otherwise refuse most of them.
        this.harness.qwil.control.setRateLimit({ limit: 1_000_000, windowMs: 60_000 });
        this.qwilState = qwilStateSnapshot(this.harness.qwil);
    }

    /** Calls the method as the user, as a component does, and tells whether the org or Qwil changed. */
    async call(
        className: string,
        methodName: string,
        user: string,
        params: unknown
    ): Promise<{ outcome: Outcome; changed: boolean }> {
        const before = { org: this.orgRecords, qwil: this.qwilState };
        requests.length = 0;
        this.harness.runAs(user);
        let outcome: Outcome;
        try {
            outcome = { ok: true, value: await this.harness.callApex(className, methodName, params) };
        } catch (error) {
            outcome = { ok: false, error };
        }
        this.orgRecords = orgRecordsSnapshot(this.harness.org);
        if (requests.length > 0) this.qwilState = qwilStateSnapshot(this.harness.qwil);
        return { outcome, changed: this.orgRecords !== before.org || this.qwilState !== before.qwil };
    }
}

/** The checks run thousands of times: plain errors, whose message fast-check prints with the seed. */
function ensure(condition: boolean, problem: string): asserts condition {
    if (!condition) throw new Error(problem);
}

/** The refusal's message, after checking it has the AuraHandledException shape and reads as a handled refusal. */
function refusalMessage(error: unknown): string {
    ensure(isCallError(error), `not a platform error response: ${String(error)}`);
    const message = error.body['message'];
    ensure(
        Object.keys(error.body).join() === 'message',
        `not an AuraHandledException (an unhandled exception's shape): ${JSON.stringify(error.body)}`
    );
    ensure(typeof message === 'string' && message.trim() !== '', `no message: ${JSON.stringify(error.body)}`);
    ensure(!UNHANDLED_TEXT.test(message), `the message shows an unhandled failure: ${message}`);
    return message;
}

/** Success parses with the result schema; a refusal is clear, and names the parameter when the parameters are wrong. */
function checkOutcome(
    className: string,
    method: AuraEnabledMethod,
    hasClassAccess: boolean,
    paramsValid: boolean,
    outcome: Outcome
): void {
    if (outcome.ok) {
        const parsed = method.result.safeParse(outcome.value);
        ensure(
            parsed.success,
            `the answer does not parse with the result schema: ${parsed.error?.issues[0]?.message ?? ''}`
        );
        return;
    }
    const message = refusalMessage(outcome.error);
    if (!hasClassAccess)
        ensure(
            message === `You do not have access to the Apex class named '${className}'.`,
            `not the class access refusal: ${message}`
        );
    else if (!paramsValid)
        ensure(
            /^Invalid (parameter '[^']+'|parameters): \S/.test(message),
            `invalid parameters refused without naming them: ${message}`
        );
}

const serverMethods = apexClasses.flatMap((definition) =>
    Object.entries(definition.methods).map(([methodName, method]) => ({
        name: `${definition.name}.${methodName}`,
        className: definition.name,
        methodName,
        method
    }))
);

type ServerMethod = (typeof serverMethods)[number];

function describeFuzzing(
    configuration: string,
    options: ConnectorHarnessOptions,
    methods: readonly ServerMethod[]
): void {
    describe(configuration, () => {
        let fuzzed: FuzzedOrg;
        beforeAll(() => {
            fuzzed = new FuzzedOrg(options);
        });

        describe.each(methods)('$name with generated parameters', ({ className, methodName, method }) => {
            it('answers its result shape or refuses clearly, and a refusal changes nothing in the org or Qwil', async () => {
                let reachedServices = 0;
                await fc.assert(
                    fc.asyncProperty(runningUser, paramsArbitrary(method.params, fuzzed.seed), async (user, params) => {
                        // What reaches the server is the JSON the component sent: undefined fields are gone.
                        const paramsValid = method.params.safeParse(JSON.parse(JSON.stringify(params ?? {}))).success;
                        const hasClassAccess = fuzzed.harness.org
                            .accessOf(fuzzed.harness.org.requireUser(user).Id)
                            .canRunApexClass(className);
                        if (paramsValid && hasClassAccess) reachedServices += 1;
                        const { outcome, changed } = await fuzzed.call(className, methodName, user, params);
                        if (changed && !outcome.ok)
                            throw new Error(
                                `A refused call changed the org or Qwil; refusal: ${isCallError(outcome.error) ? String(outcome.error.body['message']) : String(outcome.error)}`
                            );
                        checkOutcome(className, method, hasClassAccess, paramsValid, outcome);
                        if (changed) fuzzed.restoreQwilSeed();
                    }),
                    runSettings()
                );
                // The generators must keep reaching past parameter parsing, or the run proves little (a replayed path runs one input).
                if (!process.env.FUZZ_PATH) expect(reachedServices).toBeGreaterThan(0);
            });
        });
    });
}

describeFuzzing('System API key', {}, serverMethods);
// Only with a Super API key do users choose between organisations: chooseOrganisation and loadTab's choice.
describeFuzzing(
    'Super API key, staff in two organisations',
    { superApiKey: true, settings: { Using_Super_API_Key__c: true } },
    serverMethods.filter(({ methodName }) => methodName === 'chooseOrganisation' || methodName === 'loadTab')
);
