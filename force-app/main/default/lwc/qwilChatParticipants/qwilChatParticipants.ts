import type { ChatSummary } from '../../../../server/contracts/QwilChatsController';

/**
 * A chat's participants in one line: the people the user may see by name, then the clients they
 * cannot see in Salesforce as a count (the server never sends those names).
 */
export function participantsLabel(chat: Pick<ChatSummary, 'participants' | 'hiddenClientCount'>): string {
    const named = chat.participants.map(
        (p) => `${p.name}${p.isYou ? ' (you)' : ''}${p.former ? ' (former participant)' : ''}`
    );
    const hidden =
        chat.hiddenClientCount > 0
            ? [
                  `${chat.hiddenClientCount} ${chat.hiddenClientCount === 1 ? 'client' : 'clients'} you cannot see in Salesforce`
              ]
            : [];
    return [...named, ...hidden].join(', ');
}
