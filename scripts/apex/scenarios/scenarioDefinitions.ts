import { DEMO } from '../../../mock-org/qwil';
import type { ConnectorHarness } from '../../../mock-org/testing/connectorHarness';
import { CLAIM_PLACEHOLDER, type ScenarioCall } from './recordScenario';

const OLIVIA = 'olivia.hart@harbourwealth.example';
const JAMES = 'james.patel@harbourwealth.example';

/** A named scenario: who calls which server method on which client, after what arrangement. */
export interface ScenarioDefinition {
    name: string;
    runningUser: string;
    /** Changes to the harness before the call (Qwil faults, user fields). */
    arrange?: (harness: ConnectorHarness) => void;
    call: (recordIdOf: (name: string) => string) => Omit<ScenarioCall, 'name'>;
}

const onRecord = (className: string, methodName: string, client: string, params: Record<string, unknown> = {}) =>
    (recordIdOf: (name: string) => string): Omit<ScenarioCall, 'name'> => {
        const recordId = recordIdOf(client);
        return { className, methodName, recordId, params: { recordId, ...params } };
    };

/** The scenarios both runtimes replay: the main paths and one of each refusal class. */
export const SCENARIOS: readonly ScenarioDefinition[] = [
    { name: 'cold tab open', runningUser: OLIVIA, call: onRecord('QwilConnectorController', 'loadTab', 'Eleanor Whitfield') },
    {
        name: 'invite',
        runningUser: OLIVIA,
        call: onRecord('QwilConnectorController', 'inviteClient', 'Thomas Okafor', {
            jobTitle: 'Client',
            invitationPhone: '+44 7700 910005',
            groupUuids: [],
            newGroup: { name: 'Okafor Relationship', staffEntityUserXrefUuids: [DEMO.staff.oliviaHart] }
        })
    },
    {
        name: 'group change',
        runningUser: OLIVIA,
        call: onRecord('QwilContactGroupsController', 'createContactGroup', 'Eleanor Whitfield', {
            name: 'Whitfield Trust',
            identifier: 'WhitfieldTrust',
            description: 'Trust accounts',
            idempotencyKey: '3f6a1c2e-8b4d-4e7f-9a10-2b3c4d5e6f70',
            claim: CLAIM_PLACEHOLDER
        })
    },
    {
        name: 'chat send',
        runningUser: OLIVIA,
        call: onRecord('QwilChatsController', 'sendMessage', 'Eleanor Whitfield', {
            chatUuid: DEMO.chats.eleanorPortfolioReview,
            text: 'Your quarterly review is ready.',
            idempotencyKey: '7d0c7f1e-5b4a-4c59-9a43-1f2b3c4d5e61',
            claim: CLAIM_PLACEHOLDER,
            retry: false,
            afterSeq: 0
        })
    },
    { name: 'refused: invalid parameter', runningUser: OLIVIA, call: () => ({ className: 'QwilConnectorController', methodName: 'loadTab', params: { recordId: 'not-an-id' } }) },
    { name: 'refused: no record access', runningUser: JAMES, call: onRecord('QwilConnectorController', 'loadTab', 'Eleanor Whitfield') },
    {
        name: 'refused: staff not mapped',
        runningUser: OLIVIA,
        arrange: (harness) => void harness.org.records.update(harness.org.requireUser(OLIVIA).Id, { FederationIdentifier: 'nobody@harbourwealth.example' }),
        call: onRecord('QwilConnectorController', 'loadTab', 'Eleanor Whitfield')
    },
    {
        name: 'refused: Qwil unavailable',
        runningUser: OLIVIA,
        arrange: (harness) => harness.qwil.control.injectFault({ failNext: { count: 1, status: 503 } }),
        call: onRecord('QwilConnectorController', 'loadTab', 'Eleanor Whitfield')
    }
];
