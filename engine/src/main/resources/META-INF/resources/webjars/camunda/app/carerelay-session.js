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
