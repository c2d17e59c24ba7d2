// CareRelay's configuration of Tasklist (replaces the webjar's default config.js).
export default {
  // One login page for CareRelay and every webapp.
  customScripts: ['../carerelay-session', '../carerelay-tasklist'],
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
