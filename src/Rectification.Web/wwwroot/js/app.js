// The pages' one script of their own (the page policy allows scripts from this host only, never inline).
// Every state-changing htmx call carries the antiforgery token the layout puts in <meta name="request-verification-token">.
document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('meta[name="request-verification-token"]');
    if (token) {
        e.detail.headers['RequestVerificationToken'] = token.content;
    }
});

// A select marked data-autosubmit sends its form when changed (the filters of the ledger), without an inline handler.
document.addEventListener('change', function (e) {
    if (e.target instanceof HTMLElement && e.target.matches('[data-autosubmit]') && e.target.form) {
        e.target.form.requestSubmit();
    }
});

// "Select all" boxes of the review queue tick every box of their group.
document.addEventListener('change', function (e) {
    var all = e.target;
    if (all instanceof HTMLInputElement && all.dataset.selectAll) {
        document.querySelectorAll('input[type=checkbox][data-group="' + all.dataset.selectAll + '"]').forEach(function (box) { box.checked = all.checked; });
    }
});

// A button marked data-print prints the page (the handover sheet), without an inline handler.
document.addEventListener('click', function (e) {
    if (e.target instanceof HTMLElement && e.target.closest('[data-print]')) {
        window.print();
    }
});
