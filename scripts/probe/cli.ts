import { text } from 'node:stream/consumers';
import { credentialsFromStore, credentialsFromText, parseProbeArgs, PROBE_USAGE, ProbeUsageError } from './probeArgs';
import { formatProbeReport, probePassed, runQwilProbe } from './qwilProbe';

/** Exit codes: 0 every answer fits the connector, 1 some do not, 2 the command line or credentials are wrong. */
async function main(): Promise<number> {
    const args = parseProbeArgs(process.argv.slice(2));
    if (args.help) {
        console.log(PROBE_USAGE);
        return 0;
    }
    const keys = args.store ? credentialsFromStore(args.store) : credentialsFromText(await text(process.stdin));
    const results = await runQwilProbe({
        baseUrl: args.url,
        credentials: keys.system,
        ...(keys.master ? { masterCredentials: keys.master } : {}),
        ...(args.email ? { staffEmail: args.email } : {})
    });
    console.log(
        formatProbeReport(args.url, results, [keys.system.secret, ...(keys.master ? [keys.master.secret] : [])])
    );
    return probePassed(results) ? 0 : 1;
}

main().then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        console.error(
            error instanceof ProbeUsageError
                ? `${error.message}\n\n${PROBE_USAGE}`
                : error instanceof Error
                  ? error.message
                  : String(error)
        );
        process.exitCode = 2;
    }
);
