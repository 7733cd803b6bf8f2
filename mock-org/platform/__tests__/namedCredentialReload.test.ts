import path from 'node:path';
import { HttpRequest } from '../../../force-app/server/platform/http';
import { writeLegacyNamedCredential } from '../metadata/namedCredentialWriter';
import { createScriptedOrg, fixtureProject, metadataXml, SEED_USERS } from '../../testing/probeOrg';

// An edit saved in Setup > Named Credentials applies to the next callout, as in a real org.
const CREDENTIAL = 'Qwil_Messenger_Salesforce_Connector';

it('sends the next callout to the URL a reloaded named credential names', async () => {
    const { projectRoot, seedDir } = fixtureProject({
        [`namedCredentials/${CREDENTIAL}.namedCredential-meta.xml`]: metadataXml(
            'NamedCredential',
            '<label>Qwil Messenger Salesforce Connector</label><endpoint>https://eu.qwil.io</endpoint><protocol>Password</protocol><principalType>NamedUser</principalType>'
        ),
        'permissionsets/Qwil_Messenger_User.permissionset-meta.xml': metadataXml(
            'PermissionSet',
            '<label>Qwil Messenger User</label><classAccesses><apexClass>QwilConnectorController</apexClass><enabled>true</enabled></classAccesses>'
        )
    });
    const sent: string[] = [];
    const probe = createScriptedOrg(
        {
            callOut: async (context) => {
                const request = new HttpRequest();
                request.setEndpoint(`callout:${CREDENTIAL}/ping`);
                return (await context.http.send(request)).getStatusCode();
            }
        },
        {},
        {
            projectRoot,
            seedDir,
            principals: { [CREDENTIAL]: { username: 'key', password: 'secret' } },
            transport: async (request) => {
                sent.push(request.url);
                return new Response('{}', { status: 200 });
            }
        }
    );
    await probe.run(SEED_USERS.olivia, 'callOut');
    writeLegacyNamedCredential(path.join(projectRoot, 'force-app', 'main', 'default'), {
        name: CREDENTIAL,
        label: 'Qwil Messenger Salesforce Connector',
        endpoint: 'https://uk.qwil.io',
        generateAuthorizationHeader: true,
        allowMergeFieldsInHeader: true,
        allowMergeFieldsInBody: false
    });
    probe.org.reloadNamedCredentials();
    await probe.run(SEED_USERS.olivia, 'callOut');
    expect(sent).toEqual(['https://eu.qwil.io/ping', 'https://uk.qwil.io/ping']);
});
