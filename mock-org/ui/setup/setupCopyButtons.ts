// Progressive enhancement of the one-time key display: the values are in read-only inputs anyone
// can select; with JavaScript, each gets a Copy button.
const copyStatus = document.querySelector<HTMLElement>('[data-copy-status]');

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
    const input = document.getElementById(button.dataset['copyTarget'] ?? '');
    if (!(input instanceof HTMLInputElement)) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
        navigator.clipboard.writeText(input.value).then(
            () => {
                if (copyStatus)
                    copyStatus.textContent = `${button.textContent?.replace(/^Copy /, '') ?? 'Value'} copied.`;
            },
            () => {
                input.select();
                if (copyStatus)
                    copyStatus.textContent =
                        'Copying is not allowed here: the value is selected, press Ctrl+C (Cmd+C on a Mac).';
            }
        );
    });
}

export {};
