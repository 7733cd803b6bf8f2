import { createElement } from 'lwc';
import QwilPeopleList from '../qwilPeopleList';
import { normalisedTextSeen } from 'jest-support/componentTesting';

function render(): HTMLElement {
    const element = createElement('c-qwil-people-list', { is: QwilPeopleList });
    Object.assign(element, {
        label: 'Staff to add',
        actionLabel: 'Take off',
        people: [
            { entityUserXrefUuid: 'sofia', name: 'Sofia Reyes', jobTitle: 'Adviser' },
            { entityUserXrefUuid: 'nina', name: 'Nina Shah', jobTitle: '' }
        ]
    });
    document.body.appendChild(element);
    return element;
}

describe('c-qwil-people-list', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it("lists each person with their job title, if any, and an action named with the person's name", async () => {
        const element = render();

        const rows = Array.from(element.shadowRoot!.querySelectorAll('li'), normalisedTextSeen);
        expect(rows).toEqual(['Sofia Reyes · Adviser Take off Sofia Reyes', 'Nina Shah Take off Nina Shah']);
        expect(element.shadowRoot!.querySelector('ul')?.getAttribute('aria-label')).toBe('Staff to add');
        await expect(element).toBeAccessible();
    });

    it('fires action with the person chosen', () => {
        const element = render();
        const onAction = jest.fn();
        element.addEventListener('action', onAction);

        element.shadowRoot!.querySelector<HTMLButtonElement>('button[data-uuid="nina"]')!.click();

        expect(onAction.mock.calls[0][0].detail).toEqual({ entityUserXrefUuid: 'nina' });
    });
});
