// Progressive enhancements only: every page works without JavaScript.
(function () {
    'use strict';

    // After a failed post the error summary takes focus, so a screen reader reads it first and a keyboard user
    // starts from it. Each error links to its field; following the link puts the cursor in the field.
    var summary = document.querySelector('[data-error-summary]');
    if (!summary) {
        return;
    }

    summary.querySelectorAll('a[href^="#"]').forEach(function (link) {
        var target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
        if (!target) {
            // A field the page doesn't show: keep the message, drop a link that would lead nowhere.
            link.replaceWith(document.createTextNode(link.textContent));
            return;
        }

        link.addEventListener('click', function (event) {
            event.preventDefault();
            var label = target.id ? document.querySelector('label[for="' + CSS.escape(target.id) + '"]') : null;
            (label || target).scrollIntoView({ block: 'center' });
            target.focus({ preventScroll: true });
        });
    });

    summary.focus();
}());
