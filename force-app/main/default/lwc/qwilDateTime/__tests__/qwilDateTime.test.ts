import { createElement } from 'lwc';
import QwilDateTime from '../qwilDateTime';

type FormattedDateTime = HTMLElement & Record<'value' | 'year' | 'month' | 'day' | 'hour' | 'minute', unknown>;

describe('c-qwil-date-time', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it('shows the value in the house format: short month, day, year, hour and minute', async () => {
        const element = createElement('c-qwil-date-time', { is: QwilDateTime });
        Object.assign(element, { value: '2026-10-20T09:30:00.000Z' });
        document.body.appendChild(element);

        const formatted = element.shadowRoot!.querySelector<FormattedDateTime>('lightning-formatted-date-time')!;
        expect({
            value: formatted.value,
            year: formatted.year,
            month: formatted.month,
            day: formatted.day,
            hour: formatted.hour,
            minute: formatted.minute
        }).toEqual({
            value: '2026-10-20T09:30:00.000Z',
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: '2-digit',
            minute: '2-digit'
        });
        await expect(element).toBeAccessible();
    });
});
