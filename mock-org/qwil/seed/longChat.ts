import type { MessageSeed } from './builder';

export const LONG_CHAT_LENGTH = 250;

const START = Date.parse('2025-05-12T07:30:00.000Z');
const TWELVE_HOURS = 12 * 60 * 60 * 1000;
const MARKETS = ['Global equities', 'UK gilts', 'Euro credit', 'US Treasuries', 'Emerging markets', 'Gold'];
const CLIENT_REPLIES = [
    'Thank you, that is clear.',
    'Could you explain what that means for my euro holdings?',
    'Noted. No changes needed from my side this week.',
    'Please keep the cash buffer at six months of spending.',
    'Interesting. Shall we discuss at the next review?'
];

/** A deterministic conversation of weekly notes and replies, for paging through a long history. */
export function weeklyMarketNotes(people: { adviser: string; colleague: string; client: string }): MessageSeed[] {
    return Array.from({ length: LONG_CHAT_LENGTH }, (_, i): MessageSeed => {
        const at = new Date(START + i * TWELVE_HOURS).toISOString();
        const market = MARKETS[i % MARKETS.length] ?? 'Markets';
        const move = (((i * 37) % 41) - 20) / 10;
        if (i % 5 === 4) {
            return {
                from: people.client,
                at,
                text: CLIENT_REPLIES[Math.floor(i / 5) % CLIENT_REPLIES.length] ?? '',
                reply_to_seq: i
            };
        }
        if (i % 7 === 6) {
            return {
                from: people.colleague,
                at,
                text: `Operations note ${i + 1}: the monthly valuation statement is now available in your document vault.`
            };
        }
        const sign = move >= 0 ? '+' : '';
        return {
            from: people.adviser,
            at,
            text: `Market note ${i + 1}: ${market} ${sign}${move.toFixed(1)}% this week. Your portfolio remains within its risk band.`
        };
    });
}
