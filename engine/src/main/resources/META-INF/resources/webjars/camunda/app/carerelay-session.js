// Shared by all of Camunda's webapps in CareRelay.
//
// CareRelay has one login page for its own pages and all of Camunda's webapps. After "Log out",
// or when a call finds the session gone, a webapp routes to its own login form (#/login); send
// the browser to CareRelay's login page instead, which brings the user back after signing in.
const toCareRelayLogin = () => {
  if (window.location.hash.startsWith('#/login')) {
    window.location.replace('/login?logout');
  }
};
window.addEventListener('hashchange', toCareRelayLogin);
toCareRelayLogin();

// What the signed-in user may do, as classes on the page for the apps' styles: "Create task" is
// for the coordination hub and administrators (partners' work arrives from the pathways); Cockpit's
// change controls (cancel, suspend, retry, add, edit or delete a variable) are for administrators,
// as managers and designers only read cases there and the engine refuses them those changes anyway.
fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin'})
  .then((response) => (response.ok ? response.json() : null))
  .then((user) => user && fetch(`/camunda/api/engine/engine/default/group?member=${encodeURIComponent(user.userId)}`,
    {credentials: 'same-origin'}))
  .then((response) => (response && response.ok ? response.json() : []))
  .then((groups) => {
    const member = (id) => groups.some((group) => group.id === id);
    document.body.classList.toggle('carerelay-may-create-tasks', member('carerelay-hub') || member('camunda-admin'));
    document.body.classList.toggle('carerelay-may-change-cases', member('camunda-admin'));
  })
  .catch(() => {});
