// Progressive enhancement only: every page works fully without this file.
(function () {
    "use strict";

    // Controls added here are marked data-enhancement, so tests can compare each page with and without JavaScript.

    // Accordions: a "Show all sections" button that opens or closes every section at once.
    document.querySelectorAll("[data-accordion]").forEach(function (accordion) {
        var sections = accordion.querySelectorAll("details");
        if (sections.length < 2) return;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button--secondary accordion__controls";
        button.setAttribute("data-enhancement", "");
        var update = function () {
            var allOpen = Array.prototype.every.call(sections, function (s) { return s.open; });
            button.textContent = allOpen ? "Hide all sections" : "Show all sections";
            button.setAttribute("aria-expanded", allOpen ? "true" : "false");
        };
        button.addEventListener("click", function () {
            var open = button.getAttribute("aria-expanded") !== "true";
            sections.forEach(function (s) { s.open = open; });
            update();
        });
        sections.forEach(function (s) { s.addEventListener("toggle", update); });
        var first = sections[0];
        first.parentNode.insertBefore(button, first);
        update();
    });

    // Videos: load the provider's player only when the visitor asks for it.
    var embedUrl = function (url) {
        var match = url.match(/(?:youtube\.com\/watch\?v=|youtu\.be\/)([\w-]{6,})/);
        if (match) return "https://www.youtube-nocookie.com/embed/" + match[1] + "?autoplay=1";
        match = url.match(/vimeo\.com\/(\d+)/);
        if (match) return "https://player.vimeo.com/video/" + match[1] + "?dnt=1&autoplay=1";
        return null;
    };
    document.querySelectorAll("[data-video-url]").forEach(function (figure) {
        var src = embedUrl(figure.getAttribute("data-video-url"));
        if (!src) return;
        var placeholder = figure.querySelector(".video__placeholder");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button";
        button.setAttribute("data-enhancement", "");
        button.textContent = "Play the video here: " + figure.getAttribute("data-video-title");
        button.addEventListener("click", function () {
            var frame = document.createElement("iframe");
            frame.src = src;
            frame.title = figure.getAttribute("data-video-title");
            frame.allow = "autoplay; fullscreen; picture-in-picture";
            frame.setAttribute("allowfullscreen", "");
            placeholder.replaceWith(frame);
            frame.focus();
        });
        placeholder.appendChild(button);
    });

    // Forms: move focus to the error summary so screen readers announce the problems first.
    var errorSummary = document.querySelector("[data-error-summary]");
    if (errorSummary) errorSummary.focus();

    // Error summary links: a plain jump puts the control at the very top of the window, with its label, hint
    // and error message scrolled out of sight above it. Show the whole question, then focus the control.
    if (errorSummary) errorSummary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        var control = link && document.getElementById(link.getAttribute("href").slice(1));
        if (!control) return;
        event.preventDefault();
        (control.closest(".form-group") || control).scrollIntoView();
        // Scrolls again only if a very tall question left the control out of sight.
        control.focus();
    });

    // Character count (GOV.UK pattern): a visible count as people type, and a quieter update for
    // screen readers once they pause. The server checks the limit whatever happens here.
    document.querySelectorAll("[data-character-count]").forEach(function (group) {
        var field = group.querySelector("textarea, input");
        var info = group.querySelector(".character-count__message");
        var max = parseInt(group.getAttribute("data-maxlength"), 10);
        if (!field || !info || !max) return;
        info.classList.add("visually-hidden");
        var visible = document.createElement("div");
        visible.className = "hint character-count__message";
        visible.setAttribute("aria-hidden", "true");
        var spoken = document.createElement("div");
        spoken.className = "visually-hidden";
        spoken.setAttribute("aria-live", "polite");
        info.parentNode.insertBefore(visible, info.nextSibling);
        info.parentNode.insertBefore(spoken, visible.nextSibling);
        var message = function () {
            var left = max - field.value.length;
            var count = Math.abs(left);
            var noun = count === 1 ? " character" : " characters";
            return left >= 0 ? "You have " + count + noun + " remaining" : "You have " + count + noun + " too many";
        };
        var timer;
        var update = function () {
            visible.textContent = message();
            visible.classList.toggle("character-count__message--over", field.value.length > max);
            clearTimeout(timer);
            timer = setTimeout(function () { spoken.textContent = message(); }, 1000);
        };
        field.addEventListener("input", update);
        visible.textContent = message();
        visible.classList.toggle("character-count__message--over", field.value.length > max);
    });

    // Stop a double click sending a form twice.
    document.querySelectorAll("[data-prevent-double-click]").forEach(function (button) {
        var form = button.form;
        if (!form) return;
        var sentAt = 0;
        form.addEventListener("submit", function (event) {
            if (Date.now() - sentAt < 5000) event.preventDefault();
            else sentAt = Date.now();
        });
    });
})();
