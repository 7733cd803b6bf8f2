import { z } from 'zod';
import {
    CheckPhoneParams,
    ChooseOrganisationParams,
    GroupOptions,
    InviteClientParams,
    PhoneCheck,
    RecordParams,
    SearchParams,
    StaffOptions,
    TabState,
    UpdatePhoneParams
} from '../contracts/QwilConnectorController';
import { BeginWriteParams, WriteClaim } from '../contracts/exactlyOnce';
import { auraEnabled, type ApexClassDefinition } from '../platform/auraEnabled';
import { QwilClient } from '../qwil/qwilClient';
import { findClientMembership } from '../services/clientLookup';
import { openSessionWith, withQwilErrors } from '../services/connectorSession';
import { sessionMethod } from '../services/sessionMethod';
import { reusingClientState } from '../services/clientStateReuse';
import { beginWrite } from '../services/exactlyOnce';
import { inviteClient, resendInvitation, updateInvitationPhone } from '../services/invitation';
import { checkInvitationPhone, defaultCountryOfLocale } from '../services/invitationPhone';
import { groupOptions, staffOptions } from '../services/inviteOptions';
import { activeStaffOrganisations, rememberOrganisation } from '../services/organisation';
import { readStaffKey } from '../services/staffMapping';
import { readyTab } from '../services/tabState';
import { loadConnectorSettings } from '../settings/connectorSettings';
import { readClientRecord } from '../services/clientRecord';
import { AuraHandledException } from '../platform/exceptions';

/** Server methods of the Qwil Messenger tab. Thin: each delegates to the services. */
export const QwilConnectorController: ApexClassDefinition = {
    name: 'QwilConnectorController',
    apiVersion: '67.0',
    sharing: 'with sharing',
    methods: {
        /** The whole first view of the tab in one round trip: staff mapping, organisation, client state. */
        loadTab: auraEnabled({
            cacheable: false,
            params: RecordParams,
            result: TabState,
            run: async ({ recordId }, context) => {
                const opened = await openSessionWith(context, recordId, (scope) =>
                    findClientMembership(scope, reusingClientState(context, scope))
                );
                if (opened.kind === 'choose_organisation') return opened;
                return readyTab(context, opened.session, opened.alongside);
            }
        }),
        /** Remembers the Qwil organisation the user works in (Super API key). */
        chooseOrganisation: auraEnabled({
            cacheable: false,
            params: ChooseOrganisationParams,
            result: z.null(),
            run: async ({ entityUuid }, context) => {
                const settings = loadConnectorSettings(context);
                if (!settings.usingSuperApiKey)
                    throw new AuraHandledException(
                        'Qwil Messenger uses one Qwil organisation here; there is nothing to choose.'
                    );
                const organisations = await withQwilErrors(context, () =>
                    activeStaffOrganisations(new QwilClient(context.http), readStaffKey(context, settings))
                );
                rememberOrganisation(context, organisations, entityUuid);
                return null;
            }
        }),
        /** How a typed invitation phone number will be sent to Qwil, or why it cannot be. */
        checkInvitationPhone: auraEnabled({
            cacheable: true,
            params: CheckPhoneParams,
            result: PhoneCheck,
            run: async ({ recordId, phone }, context) => {
                readClientRecord(context, loadConnectorSettings(context), recordId);
                return checkInvitationPhone(phone, defaultCountryOfLocale(context.userInfo.getLocale()));
            }
        }),
        /** Contact groups the client could be invited into. */
        searchInviteGroups: sessionMethod({
            cacheable: false,
            params: SearchParams,
            result: GroupOptions,
            run: async ({ search }, session) => ({ groups: await groupOptions(session, search) })
        }),
        /** Staff who could join a new group. */
        searchActiveStaff: sessionMethod({
            cacheable: false,
            params: SearchParams,
            result: StaffOptions,
            run: async ({ search }, session) => ({ staff: await staffOptions(session, search) })
        }),
        /** Creates the client's Qwil profile and sends the invitation; never twice for one record. */
        inviteClient: sessionMethod({
            cacheable: false,
            params: InviteClientParams,
            result: TabState,
            run: (params, session, context) => inviteClient(context, session, params)
        }),
        /** Sends a pending client a new invitation (the previous link stops working). */
        resendInvitation: sessionMethod({
            cacheable: false,
            params: RecordParams,
            result: TabState,
            run: (_params, session, context) => resendInvitation(context, session)
        }),
        /** Changes a pending client's invitation phone number, when staff may. */
        updateInvitationPhone: sessionMethod({
            cacheable: false,
            params: UpdatePhoneParams,
            result: TabState,
            run: ({ invitationPhone }, session, context) => updateInvitationPhone(context, session, invitationPhone)
        }),
        /** Claims the next attempt of a write (send, start a chat, create a group), or says when to check again. */
        beginWrite: auraEnabled({
            cacheable: false,
            params: BeginWriteParams,
            result: WriteClaim,
            run: (params, context) => beginWrite(context, params)
        })
    }
};
