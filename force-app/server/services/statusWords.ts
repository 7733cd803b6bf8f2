import type { MembershipStatus } from '../qwil/schemas';

/** Qwil statuses in the words the tab's status badges show (qwilStatusBadge), for every message staff read. */
const STATUS_WORDS: Record<MembershipStatus, string> = {
    pending: 'Pending',
    active: 'Active',
    suspended: 'Suspended',
    deactivated: 'Deactivated'
};

export function statusWord(status: MembershipStatus): string {
    return STATUS_WORDS[status];
}
