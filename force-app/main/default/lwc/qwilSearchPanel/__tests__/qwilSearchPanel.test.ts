import { createElement } from 'lwc';
import QwilSearchPanel, { type SearchResults } from '../qwilSearchPanel';
import { TYPING_PAUSE_MS } from 'c/qwilDebouncedRequest';
import { apexError, deferred, flushPromises, normalisedTextSeen, typeInto } from 'jest-support/componentTesting';

function render(searcher: jest.Mock, properties: Record<string, unknown> = {}) {
    const element = createElement('c-qwil-search-panel', { is: QwilSearchPanel });
    Object.assign(element, {
        label: 'Find staff',
        searchingLabel: 'Searching staff',
        errorMessage: 'Staff could not be searched',
        emptyMessage: 'No staff match.',
        searcher,
        ...properties
    });
    const answers: SearchResults<unknown>[] = [];
    element.addEventListener('results', (event) => answers.push((event as CustomEvent<SearchResults<unknown>>).detail));
    document.body.appendChild(element);
    return { element, answers };
}

const query = (element: HTMLElement, selector: string) => element.shadowRoot!.querySelector<HTMLElement>(selector);

async function type(element: HTMLElement, term: string): Promise<void> {
    typeInto(query(element, 'lightning-input'), term);
    jest.advanceTimersByTime(TYPING_PAUSE_MS);
    await flushPromises();
}

describe('c-qwil-search-panel', () => {
    beforeEach(() => {
        jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    });
    afterEach(() => {
        jest.useRealTimers();
        document.body.replaceChildren();
    });

    it('asks once typing pauses and passes the answer on with the term', async () => {
        const searcher = jest.fn().mockResolvedValue(['James Patel']);
        const { element, answers } = render(searcher);
        await flushPromises();
        expect(searcher).not.toHaveBeenCalled();

        typeInto(query(element, 'lightning-input'), 'Ja');
        typeInto(query(element, 'lightning-input'), 'Jam');
        jest.advanceTimersByTime(TYPING_PAUSE_MS);
        await flushPromises();

        expect(searcher.mock.calls).toEqual([['Jam']]);
        expect(answers.at(-1)).toEqual({ term: 'Jam', results: ['James Patel'] });
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('lets only the answer to the newest term count', async () => {
        const slow = deferred<string[]>();
        const searcher = jest.fn().mockReturnValueOnce(slow.promise).mockResolvedValueOnce(['Sofia Reyes']);
        const { element, answers } = render(searcher);

        await type(element, 'Ja');
        await type(element, 'So');
        slow.resolve(['James Patel']);
        await flushPromises();

        expect(answers.at(-1)).toEqual({ term: 'So', results: ['Sofia Reyes'] });
        expect(answers.some((answer) => answer.results?.includes('James Patel'))).toBe(false);
    });

    it('lists everything on opening when asked to, and says so when there is nothing', async () => {
        const searcher = jest.fn().mockResolvedValue([]);
        const { element } = render(searcher, { searchOnOpen: true, emptyMessage: 'There are no groups yet.' });
        await flushPromises();

        expect(searcher.mock.calls).toEqual([['']]);
        expect(query(element, '[data-id="empty"]')?.textContent).toBe('There are no groups yet.');
    });

    it('forgets the answer when the term is cleared, without asking', async () => {
        const searcher = jest.fn().mockResolvedValue(['James Patel']);
        const { element, answers } = render(searcher);
        await type(element, 'Ja');

        await type(element, ' ');

        expect(searcher).toHaveBeenCalledTimes(1);
        expect(answers.at(-1)).toEqual({ term: ' ', results: undefined });
        expect(query(element, '[data-id="empty"]')).toBeNull();
    });

    it("shows the owner's results in its slot while it has some", async () => {
        const { element } = render(jest.fn(), { showResults: true });

        expect(query(element, 'slot')).not.toBeNull();
        expect(query(element, '[data-id="empty"]')).toBeNull();
    });

    it('shows a failed search with Retry, which asks again', async () => {
        const searcher = jest.fn().mockRejectedValueOnce(apexError('Qwil is unavailable.')).mockResolvedValue([]);
        const { element } = render(searcher);
        await type(element, 'Ja');

        expect(normalisedTextSeen(element)).toContain('Staff could not be searched Qwil is unavailable.');
        query(element, 'c-qwil-error-panel')!.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();

        expect(searcher.mock.calls).toEqual([['Ja'], ['Ja']]);
        expect(query(element, 'c-qwil-error-panel')).toBeNull();
    });
});
