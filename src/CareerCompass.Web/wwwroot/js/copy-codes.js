// The "copy" button on the recovery codes page: shown only when the browser can copy; the codes stay selectable text.
(() => {
    const button = document.querySelector("[data-copy-from]");
    if (!button || !navigator.clipboard) {
        return;
    }

    const source = document.getElementById(button.dataset.copyFrom);
    const status = document.getElementById(button.id + "-status");
    button.hidden = false;
    button.addEventListener("click", async () => {
        const text = Array.from(source.querySelectorAll("code"), code => code.textContent.trim()).join("\n");
        try {
            await navigator.clipboard.writeText(text);
            status.textContent = "Copied. Paste them somewhere safe.";
        } catch {
            status.textContent = "Your browser didn't let us copy. Please select the codes and copy them yourself.";
        }
    });
})();
