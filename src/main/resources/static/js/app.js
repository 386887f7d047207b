/*
 * Page behaviour shared by all BlueVitaal pages. Kept out of the templates so that a strict
 * Content-Security-Policy (no inline scripts) stays possible.
 */
(function () {
  "use strict";

  // htmx requests that change something carry the CSRF token of the page, like a form post does.
  document.addEventListener("htmx:configRequest", function (event) {
    var verb = (event.detail.verb || "get").toLowerCase();
    if (verb === "get" || verb === "head") {
      return;
    }
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.getAttribute("content")] = token.getAttribute("content");
    }
  });

  // A form that came back with errors: move focus to its error summary, so the first thing read is what to fix.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".bv-error-summary");
    if (summary) {
      summary.focus();
    }
  });
})();
