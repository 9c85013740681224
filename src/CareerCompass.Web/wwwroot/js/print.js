// The printable plan's "Print or save as PDF" button: shown only with JavaScript; without it, the hint beside it
// tells the person to use the browser's own print command.
(() => {
    const button = document.getElementById("print-plan");
    if (!button) {
        return;
    }

    button.hidden = false;
    document.getElementById("print-hint-no-js")?.setAttribute("hidden", "");
    button.addEventListener("click", () => window.print());
})();
