package org.carerelay.engine.partner;

import java.util.List;

/** The directory file has mistakes; the message lists every one, and nothing was loaded. */
class InvalidDirectoryException extends RuntimeException {

  InvalidDirectoryException(String source, List<String> problems) {
    super("Partner directory " + source + " was not loaded:\n  - " + String.join("\n  - ", problems));
  }
}
