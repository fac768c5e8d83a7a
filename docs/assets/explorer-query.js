/* Loaded in the head of the explorer page only, before Material's bundle: Material opens its
   search dialog when a page loads with ?q=, but on this page q is the explorer's own search.
   The query leaves the address here; explorer.js reads it back and restores the address. */
(function () {
  "use strict";
  var url = new URL(location.href);
  if (!url.searchParams.has("q")) return;
  window.adgdmExplorerQuery = { path: location.pathname, search: location.search };
  url.searchParams.delete("q");
  history.replaceState(history.state, "", url.pathname + url.search + url.hash);
})();
