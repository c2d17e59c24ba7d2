// CareRelay's addition to Cockpit: its change controls (cancel, suspend, retry, add, edit or delete
// a variable) are offered to administrators only. Managers and designers read cases in Cockpit;
// the engine refuses them those changes anyway (authorizations), so the controls only confused them.
(() => {
  fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin'})
    .then((response) => (response.ok ? response.json() : null))
    .then((user) => user && fetch(`/camunda/api/engine/engine/default/group?member=${encodeURIComponent(user.userId)}`,
      {credentials: 'same-origin'}))
    .then((response) => (response && response.ok ? response.json() : []))
    .then((groups) => {
      if (groups.some((group) => group.id === 'camunda-admin')) {
        document.body.classList.add('carerelay-may-change-cases');
      }
    })
    .catch(() => {});
})();
