import type { Http } from '../platform/context';
import { ChatsApi } from './chatsApi';
import { GroupsApi } from './groupsApi';
import { MembershipsApi } from './membershipsApi';
import { QwilTransport, type QwilTransportOptions } from './qwilTransport';

/**
 * The one way connector code reaches Qwil: built once per session, it holds Qwil's calls grouped by
 * what they act on, all sent by one QwilTransport.
 */
export class QwilClient {
    readonly memberships: MembershipsApi;
    readonly groups: GroupsApi;
    readonly chats: ChatsApi;
    private readonly transport: QwilTransport;

    constructor(
        private readonly http: Http,
        options: QwilTransportOptions = {}
    ) {
        this.transport = new QwilTransport(http, options);
        this.memberships = new MembershipsApi(this.transport);
        this.groups = new GroupsApi(this.transport);
        this.chats = new ChatsApi(this.transport);
    }

    /** The organisation the calls are for (Super API key), or the System API key's own. */
    get organisationScope(): string {
        return this.transport.organisationScope;
    }

    /** A client for one organisation (with a Super API key, its calls name that organisation). */
    inOrganisation(entityUuid: string): QwilClient {
        return new QwilClient(this.http, { entityUuid });
    }
}
