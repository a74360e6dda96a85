/* mkdocs-llmblog: `?p=<id>` and `?page_id=<id>`, WordPress's addresses by id, lead to the page.
 *
 * On the home page only. Reads `wordpress-ids.json` beside this script (written by the plugin
 * from the `wordpress_id` front matter the WordPress importer writes) only when the page was
 * asked for with such a query; sends the reader on within the same site, keeping the #anchor.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var query = new URLSearchParams(window.location.search);
  var id = query.get("p") || query.get("page_id");
  if (!script || !id || !/^[0-9]{1,18}$/.test(id) || !window.fetch) {
    return;
  }
  var root = new URL("../", script.src);
  fetch(new URL("wordpress-ids.json", script.src).href, { credentials: "same-origin" })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (ids) {
      var target = ids && Object.prototype.hasOwnProperty.call(ids, id) ? ids[id] : null;
      if (typeof target !== "string") {
        return;
      }
      var url = new URL(target, root);
      if (url.origin === window.location.origin) {
        window.location.replace(url.href + window.location.hash);
      }
    })
    .catch(function () {});
})();
