/* mkdocs-llmblog: comments that load when the reader asks, and share links.
 *
 * Nothing here sends a request by itself: a provider's embed waits in a <template> until the
 * reader clicks "Show comments" (or, with `comments_load: eager`, until the page is shown).
 * Works with Material's instant navigation (clicks are handled on the document).
 */
(function () {
  "use strict";

  var HOST_RE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
  var STORED_INSTANCE = "llmblog-mastodon-instance";

  function isDark() {
    var body = document.body;
    var scheme = body && body.getAttribute("data-md-color-scheme");
    if (scheme) {
      return scheme === "slate";
    }
    return Boolean(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
  }

  function themeOf(section) {
    return isDark() ? section.dataset.llmblogThemeDark : section.dataset.llmblogThemeLight;
  }

  function loadComments(section) {
    if (section.dataset.llmblogLoaded) {
      return;
    }
    var template = section.querySelector("template.llmblog-comments-embed");
    var thread = section.querySelector(".llmblog-comments-thread");
    if (!template || !thread) {
      return;
    }
    section.dataset.llmblogLoaded = "true";
    var provider = section.dataset.llmblogProvider;
    var theme = themeOf(section);
    if (provider === "remark42") {
      var config = JSON.parse(section.dataset.llmblogRemarkConfig || "{}");
      config.theme = theme;
      window.remark_config = config;
    }
    var embed = template.content.cloneNode(true);
    embed.querySelectorAll("script").forEach(function (inert) {
      // Scripts copied from a <template> never run: each is made anew.
      var script = document.createElement("script");
      Array.prototype.forEach.call(inert.attributes, function (attribute) {
        script.setAttribute(attribute.name, attribute.value);
      });
      if (provider === "giscus" && theme) {
        script.setAttribute("data-theme", theme);
      } else if (provider === "utterances" && theme) {
        script.setAttribute("theme", theme);
      }
      script.text = inert.text;
      inert.replaceWith(script);
    });
    thread.appendChild(embed);
    var consent = section.querySelector(".llmblog-comments-consent");
    if (consent) {
      consent.hidden = true;
    }
    thread.setAttribute("tabindex", "-1");
  }

  function followPalette() {
    document.querySelectorAll("section.llmblog-comments[data-llmblog-loaded]").forEach(function (section) {
      var theme = themeOf(section);
      var provider = section.dataset.llmblogProvider;
      if (!theme) {
        return;
      }
      if (provider === "giscus") {
        var giscus = section.querySelector("iframe.giscus-frame");
        if (giscus && giscus.contentWindow) {
          giscus.contentWindow.postMessage({ giscus: { setConfig: { theme: theme } } }, "https://giscus.app");
        }
      } else if (provider === "utterances") {
        var utterances = section.querySelector("iframe.utterances-frame");
        if (utterances && utterances.contentWindow) {
          utterances.contentWindow.postMessage({ type: "set-theme", theme: theme }, "https://utteranc.es");
        }
      } else if (provider === "remark42" && window.REMARK42 && window.REMARK42.changeTheme) {
        window.REMARK42.changeTheme(theme);
      }
    });
  }

  function shareOnMastodon(link, event) {
    var asked = window.prompt(link.dataset.llmblogPrompt, window.localStorage.getItem(STORED_INSTANCE) || "");
    if (asked === null) {
      event.preventDefault();
      return;
    }
    var host = asked.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
    if (!HOST_RE.test(host)) {
      return; // Not a host name: the link's own instance.
    }
    event.preventDefault();
    window.localStorage.setItem(STORED_INSTANCE, host);
    var text = encodeURIComponent(link.dataset.llmblogShareText || "");
    window.open("https://" + host + "/share?text=" + text, "_blank", "noopener");
  }

  function copyLink(link, event) {
    if (!navigator.clipboard) {
      return; // The link leads to the post, which the reader can copy from the address bar.
    }
    event.preventDefault();
    navigator.clipboard.writeText(link.href).then(function () {
      link.textContent = link.dataset.llmblogCopied || link.textContent;
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) {
      return;
    }
    var show = target.closest(".llmblog-comments-show");
    if (show) {
      var section = show.closest("section.llmblog-comments");
      if (section) {
        loadComments(section);
        var thread = section.querySelector(".llmblog-comments-thread");
        if (thread) {
          thread.focus();
        }
      }
      return;
    }
    var link = target.closest("a.llmblog-share-link");
    if (link && link.classList.contains("llmblog-share--mastodon")) {
      shareOnMastodon(link, event);
    } else if (link && link.classList.contains("llmblog-share--copy")) {
      copyLink(link, event);
    }
  });

  function loadEager() {
    document.querySelectorAll('section.llmblog-comments[data-llmblog-comments="eager"]').forEach(loadComments);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(loadEager); // Material's instant navigation.
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", loadEager);
  } else {
    loadEager();
  }

  if (window.MutationObserver) {
    new MutationObserver(followPalette).observe(document.body || document.documentElement, {
      attributes: true,
      attributeFilter: ["data-md-color-scheme"],
    });
  }
  if (window.matchMedia) {
    var query = window.matchMedia("(prefers-color-scheme: dark)");
    if (query.addEventListener) {
      query.addEventListener("change", followPalette);
    }
  }
})();
