// Sends some of a page's forms without leaving the page: a form or button marked data-in-place="id …" posts as
// usual, the server answers as it always does (a redirect to the page), and the regions named are replaced from
// that page — so the list shown, and every version token in it, is the server's own. Focus goes back to the same
// control (data-focus-key) of the same item. Any other answer (an error to show, a stale form) posts the form
// again the ordinary way, so the person sees the page the server means. Without this script every form posts.
(function () {
  "use strict";
  if (!window.fetch || !window.FormData || !window.DOMParser) {
    return;
  }

  var announcer = document.createElement("p");
  announcer.className = "visually-hidden";
  announcer.setAttribute("role", "status");
  document.body.appendChild(announcer);

  function hideScriptless(root) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-hidden-with-script]"), function (element) {
      element.hidden = true;
    });
  }
  hideScriptless(document);

  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.hasAttribute && field.hasAttribute("data-submit-on-change") && field.form) {
      field.form.requestSubmit();
    }
  });

  function focusAgain(key) {
    if (!key) {
      return;
    }
    var target = document.querySelector("[data-focus-key='" + key.replace(/'/g, "") + "']");
    if (target && target.disabled) {
      // Moved to the top or the bottom, its button is now off: the item's other one takes focus.
      var item = target.closest("[data-focus-item]");
      target = (target.form && target.form.querySelector("button:not([disabled]):not([hidden])")) ||
        (item && item.querySelector("button:not([disabled]):not([hidden]), input:not([type=hidden]):not([disabled])"));
    }
    if (target) {
      target.focus();
    }
  }

  function plainly(form, submitter) {
    form.setAttribute("data-in-place-off", "");
    form.requestSubmit(submitter || undefined);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter || null;
    var regions = (submitter && submitter.getAttribute("data-in-place")) || form.getAttribute("data-in-place");
    if (event.defaultPrevented || !regions || form.hasAttribute("data-in-place-off")) {
      return;
    }
    event.preventDefault();
    if (form.hasAttribute("data-in-place-busy")) {
      return;
    }
    form.setAttribute("data-in-place-busy", "");

    var data = new FormData(form);
    if (submitter && submitter.name) {
      data.append(submitter.name, submitter.value);
    }
    var action = submitter && submitter.hasAttribute("formaction") ? submitter.formAction : form.action;
    var focused = document.activeElement;
    var key = (focused && focused.getAttribute && focused.getAttribute("data-focus-key")) ||
      (submitter && submitter.getAttribute("data-focus-key"));

    // Emptied first, so the same words said again (a second "Moved … up.") are announced again.
    announcer.textContent = "";
    fetch(action, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok || !response.redirected) {
          throw new Error("not a plain success");
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var message = fresh.querySelector(".alert[role=status]");
        var said = message ? message.textContent.trim() : "";
        regions.split(/\s+/).forEach(function (id) {
          var now = document.getElementById(id);
          var next = fresh.getElementById(id);
          if (now && next) {
            // The announcer below says what happened, once; the copies shown here only show it.
            Array.prototype.forEach.call(next.querySelectorAll("[role=status]"), function (element) {
              element.removeAttribute("role");
            });
            now.replaceWith(next);
            hideScriptless(next);
          }
        });
        Array.prototype.forEach.call(document.querySelectorAll("[data-in-place-sync]"), function (field) {
          var next = fresh.getElementById(field.id);
          if (next) {
            field.value = next.value;
          }
        });
        announcer.textContent = said;
        form.removeAttribute("data-in-place-busy");
        focusAgain(key);
      })
      .catch(function () {
        form.removeAttribute("data-in-place-busy");
        plainly(form, submitter);
      });
  });
})();
