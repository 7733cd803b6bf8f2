// Tab behaviour for the server-rendered record tabset (mock-org/ui/pages/recordPage.ts), following
// the WAI-ARIA tabs pattern with automatic activation: arrow keys, Home and End move and select.

type TabSelectedHandler = (panel: HTMLElement) => void;

function panelOf(tab: HTMLElement): HTMLElement | null {
    const panelId = tab.getAttribute('aria-controls');
    return panelId ? document.getElementById(panelId) : null;
}

function nextIndex(key: string, current: number, count: number): number | undefined {
    switch (key) {
        case 'ArrowRight':
            return (current + 1) % count;
        case 'ArrowLeft':
            return (current - 1 + count) % count;
        case 'Home':
            return 0;
        case 'End':
            return count - 1;
        default:
            return undefined;
    }
}

export function wireRecordTabs(tabset: HTMLElement, onTabSelected: TabSelectedHandler): void {
    const tabs = Array.from(tabset.querySelectorAll<HTMLElement>('[role="tab"]'));

    const select = (selected: HTMLElement) => {
        for (const tab of tabs) {
            const isSelected = tab === selected;
            tab.setAttribute('aria-selected', String(isSelected));
            tab.tabIndex = isSelected ? 0 : -1;
            tab.closest('.slds-tabs_default__item')?.classList.toggle('slds-is-active', isSelected);
            const panel = panelOf(tab);
            panel?.classList.toggle('slds-show', isSelected);
            panel?.classList.toggle('slds-hide', !isSelected);
        }
        const panel = panelOf(selected);
        if (panel) onTabSelected(panel);
    };

    for (const tab of tabs) {
        tab.addEventListener('click', () => select(tab));
        tab.addEventListener('keydown', (event) => {
            const index = nextIndex(event.key, tabs.indexOf(tab), tabs.length);
            const target = index === undefined ? undefined : tabs[index];
            if (!target) return;
            event.preventDefault();
            target.focus();
            select(target);
        });
    }
}
