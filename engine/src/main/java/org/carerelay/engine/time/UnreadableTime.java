package org.carerelay.engine.time;

/** A date or time that cannot be read; the message says what was expected, for the person who typed it. */
public class UnreadableTime extends IllegalArgumentException {

  UnreadableTime(String message) {
    super(message);
  }
}
