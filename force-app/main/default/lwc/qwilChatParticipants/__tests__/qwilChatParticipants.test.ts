import { participantsLabel } from '../qwilChatParticipants';
import { ELEANOR, NOAH, OLIVIA } from 'jest-support/data/chats';

describe('c/qwilChatParticipants participantsLabel', () => {
    it('names the participants the user may see, marking the user and former participants', () => {
        expect(participantsLabel({ participants: [OLIVIA, ELEANOR, NOAH], hiddenClientCount: 0 })).toBe(
            'Olivia Hart (you), Eleanor Whitfield, Noah Fischer (former participant)'
        );
    });

    it('acknowledges clients the user cannot see in Salesforce by a count only', () => {
        expect(participantsLabel({ participants: [OLIVIA], hiddenClientCount: 1 })).toBe(
            'Olivia Hart (you), 1 client you cannot see in Salesforce'
        );
        expect(participantsLabel({ participants: [OLIVIA], hiddenClientCount: 2 })).toBe(
            'Olivia Hart (you), 2 clients you cannot see in Salesforce'
        );
    });
});
