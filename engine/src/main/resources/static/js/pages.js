/* What CareRelay's own pages share: building elements whose text is always set as text. */
window.CareRelayPages = (function () {
  'use strict';

  /** An element with attributes ("text" sets its text, "className" its class) and children (nodes or text). */
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') {
        node.textContent = attributes[name];
      } else if (name === 'className') {
        node.className = attributes[name];
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  return {el: el};
}());
