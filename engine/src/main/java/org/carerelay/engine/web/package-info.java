/** CareRelay's own pages: login and the start page leading to the webapps. */
package org.carerelay.engine.web;
