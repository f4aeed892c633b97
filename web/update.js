// A new deployment's service worker can take over while the WebAssembly is
// still loading, before go-app's update hook exists; go-app would then miss
// it. Record it here so that the page still offers "Reload to update".
(function () {
  "use strict";
  window.accesslinkUpdateFound = false;
  if (!("serviceWorker" in navigator)) {
    return;
  }
  // A first visit also changes controller, from none to the first worker:
  // only a change away from an existing worker is a new version.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (controlled) {
      window.accesslinkUpdateFound = true;
    }
    controlled = true;
  });
})();
