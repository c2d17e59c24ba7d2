// CareRelay's configuration of this Camunda webapp (replaces the webjar's default config.js).
export default {
  // One login page for CareRelay and every webapp.
  customScripts: ['../carerelay-session'],
  disableWelcomeMessage: true
};
