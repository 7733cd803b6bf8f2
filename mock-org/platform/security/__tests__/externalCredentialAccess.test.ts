import path from 'node:path';
import { HttpRequest } from '../../../../force-app/server/platform/http';
import {
    SEED_USERS,
    createScriptedOrg,
    editJson,
    fixtureProject,
    metadataXml,
    type Step
} from '../../../testing/probeOrg';

// platform.md §1.1 and §1.5 (checklist item 7): a named credential of the External Credential style
// calls out only for users whose permission set grants the principal (externalCredentialPrincipalAccesses).
const CLASS_ACCESS =
    '<classAccesses><apexClass>QwilConnectorController</apexClass><enabled>true</enabled></classAccesses>';

function externalCredentialOrg() {
    const sent: Request[] = [];
    const project = fixtureProject(
        {
            'namedCredentials/Qwil_Modern.namedCredential-meta.xml': metadataXml(
                'NamedCredential',
                '<label>Qwil Modern</label><namedCredentialType>SecuredEndpoint</namedCredentialType><generateAuthorizationHeader>true</generateAuthorizationHeader>' +
                    '<namedCredentialParameters><parameterName>Url</parameterName><parameterType>Url</parameterType><parameterValue>https://eu.qwil.io</parameterValue></namedCredentialParameters>' +
                    '<namedCredentialParameters><externalCredential>Qwil_Auth</externalCredential><parameterName>ExternalCredential</parameterName><parameterType>Authentication</parameterType></namedCredentialParameters>'
            ),
            'externalCredentials/Qwil_Auth.externalCredential-meta.xml': metadataXml(
                'ExternalCredential',
                '<label>Qwil Auth</label><authenticationProtocol>Basic</authenticationProtocol>' +
                    '<externalCredentialParameters><parameterGroup>Main</parameterGroup><parameterName>Main</parameterName><parameterType>NamedPrincipal</parameterType><sequenceNumber>1</sequenceNumber></externalCredentialParameters>'
            ),
            'permissionsets/Qwil_Messenger_User.permissionset-meta.xml': metadataXml(
                'PermissionSet',
                `${CLASS_ACCESS}<externalCredentialPrincipalAccesses><enabled>true</enabled><externalCredentialPrincipal>Qwil_Auth-Main</externalCredentialPrincipal></externalCredentialPrincipalAccesses><label>Qwil Messenger User</label>`
            ),
            'permissionsets/Class_Access_Only.permissionset-meta.xml': metadataXml(
                'PermissionSet',
                `${CLASS_ACCESS}<label>Class Access Only</label>`
            )
        },
        (seedDir) =>
            editJson<{ permissionSetAssignments: Record<string, string[]> }>(
                path.join(seedDir, 'access.json'),
                ({ permissionSetAssignments }) => {
                    permissionSetAssignments['@UserDanielBrooks'] = ['Class_Access_Only'];
                }
            )
    );
    const ping: Step = async ({ http }) => {
        const request = new HttpRequest();
        request.setEndpoint('callout:Qwil_Modern/ping');
        return (await http.send(request)).getStatusCode();
    };
    const probe = createScriptedOrg(
        { ping },
        {},
        {
            ...project,
            principals: { 'Qwil_Auth-Main': { username: 'api-key', password: 'api-secret' } },
            transport: async (request) => {
                sent.push(request);
                return new Response('{}', { status: 200 });
            }
        }
    );
    return { ...probe, sent };
}

describe('External Credential Principal Access', () => {
    it('lets a user whose permission set grants the principal call out, with the principal as Basic credentials', async () => {
        const { run, sent } = externalCredentialOrg();
        expect(await run(SEED_USERS.olivia, 'ping')).toEqual({ ok: true, value: 200 });
        expect(sent[0]?.headers.get('authorization')).toBe(
            `Basic ${Buffer.from('api-key:api-secret').toString('base64')}`
        );
    });

    it('fails closed for a user without it: CalloutException, nothing sent', async () => {
        const { run, sent } = externalCredentialOrg();
        expect(await run(SEED_USERS.daniel, 'ping')).toMatchObject({
            ok: false,
            error: {
                body: {
                    exceptionType: 'System.CalloutException',
                    message: expect.stringMatching(/^We couldn't access the credential\(s\)/)
                }
            }
        });
        expect(sent).toHaveLength(0);
    });
});
