import { http, HttpResponse } from 'msw';
import { apexErrorMessage, useQwilServer } from '../../../../mock-org/testing/qwilServer';
import { qwilGroupMembers, recordIdByName } from '../../../../mock-org/testing/finders';
import { createConnectorHarness, type ConnectorHarness } from '../../../../mock-org/testing/connectorHarness';
import { DEMO } from '../../../../mock-org/qwil';

// Every Qwil answer reaches the user as a clear message: an unknown code gives staff a next step
// (Qwil's code and text only for administrators, who have Customize Application), an answer the
// connector cannot read is not worded as a refusal, and a write Qwil confirmed is reported as made
// even when reading the result back fails.
const { groups: G, staff: S } = DEMO;
const SYS_API = 'https://eu.qwil.io/entity-service/sys-api';
const JAMES = 'james.patel@harbourwealth.example';
const SOFIA = 'sofia.reyes@harbourwealth.example';

const { server, requests, serve } = useQwilServer();

let harness: ConnectorHarness;
beforeEach(() => {
    harness = createConnectorHarness();
    serve(harness);
    harness.runAs(JAMES);
});

const hannah = () => recordIdByName(harness.org, 'Contact', 'Hannah Lindqvist');
const searchGroups = () =>
    harness.callApex('QwilContactGroupsController', 'searchJoinableGroups', { recordId: hannah(), search: '' });
const groupSearchAnswers = (status: number, body: string | Record<string, string>) =>
    server.use(
        http.get(`${SYS_API}/groups/list`, () =>
            typeof body === 'string'
                ? new HttpResponse(body, { status, headers: { 'Content-Type': 'application/json' } })
                : HttpResponse.json(body, { status })
        )
    );

describe('a Qwil answer with a code the connector does not know', () => {
    it.each([
        [
            401,
            /^Qwil did not accept the sign-in of Qwil Messenger\. Ask your administrator to check the named credential/
        ],
        [403, /^Qwil does not allow this action .* Ask your Qwil administrator to check the permissions/],
        [404, /^Qwil could not find what this action refers to.* Reopen the tab to see the current state\.$/],
        [409, /^This conflicts with a change made in Qwil meanwhile\. Reopen the tab/],
        [422, /^Qwil did not accept the values sent\. Check what you entered and try again/]
    ])('on %i gives staff a next step, never the raw code or text', async (status, expected) => {
        groupSearchAnswers(status, { error_code: 'QX500', message: 'Internal rule 17 failed' });
        const message = await apexErrorMessage(searchGroups());
        expect(message).toMatch(expected);
        expect(message).not.toMatch(/QX500|rule 17|Detail for administrators/);
    });

    it('shows an administrator the status, code and text as detail after the next step', async () => {
        harness.runAs(SOFIA);
        groupSearchAnswers(422, { error_code: 'QX500', message: 'Internal rule 17 failed' });
        expect(await apexErrorMessage(searchGroups())).toBe(
            'Qwil did not accept the values sent. Check what you entered and try again; if it keeps happening, ask your administrator. Detail for administrators: Qwil answered HTTP 422 with code QX500: Internal rule 17 failed.'
        );
    });
});

describe('a Qwil answer the connector cannot read', () => {
    it.each([
        ['a body that is not JSON', '<html>maintenance</html>'],
        ['JSON of another shape', { groups: 'none' }]
    ])('(%s) says so, and is not worded as a refusal', async (_kind, body) => {
        groupSearchAnswers(200, body);
        const message = await apexErrorMessage(searchGroups());
        expect(message).toMatch(
            /^Qwil sent an answer Qwil Messenger cannot read, so it cannot tell what happened\. Reopen the tab/
        );
        expect(message).not.toMatch(/refused|did not accept|Detail for administrators/i);
    });

    it('tells an administrator that the body was not JSON at all, not that it had another shape', async () => {
        harness.runAs(SOFIA);
        groupSearchAnswers(200, '{"groups":[{"group_uuid"');
        expect(await apexErrorMessage(searchGroups())).toMatch(
            /Detail for administrators: Qwil answered HTTP 200 with a body that is not JSON\.$/
        );
    });
});

describe('a write Qwil confirmed, then a failed read of the result', () => {
    it('tells the user the change was made, so they do not make it again', async () => {
        let written = false;
        server.use(
            http.post(`${SYS_API}/groups/group-members/create`, () => {
                written = true;
            }),
            http.get(`${SYS_API}/entity-memberships/group-memberships/list`, () =>
                written ? HttpResponse.json({ error_code: 'QX999', message: 'busy' }, { status: 503 }) : undefined
            )
        );
        const add = harness.callApex('QwilContactGroupsController', 'addStaffMembers', {
            recordId: hannah(),
            groupUuid: G.lindqvistRelationship,
            staffEntityUserXrefUuids: [S.sofiaReyes]
        });
        expect(await apexErrorMessage(add)).toBe(
            'The change was made in Qwil: Sofia Reyes is now in Lindqvist Relationship. Qwil Messenger could not read the result back, so reopen the page to see it.'
        );
        expect(requests.filter((request) => request.startsWith('POST'))).toEqual([
            'POST /entity-service/sys-api/groups/group-members/create'
        ]);
        expect(qwilGroupMembers(harness.qwil, G.lindqvistRelationship)).toContain(S.sofiaReyes);
    });
});
