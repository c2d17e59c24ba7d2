package org.carerelay.engine.forms;

import java.util.function.Supplier;

/**
 * A process that CareRelay's own code starts from a case whose forms were already checked (the
 * after-death case a pathway starts when its patient dies) is not checked against its Tasklist start
 * form: its values are the case's, not a person's. Only code in this JVM can say so; a start over
 * REST or from Tasklist is always checked.
 */
public final class StartedByCase {

  private static final ThreadLocal<Boolean> STARTING = ThreadLocal.withInitial(() -> false);

  private StartedByCase() {}

  /** Runs {@code start} (a start of a process through the engine API) as a start from a case. */
  public static <T> T start(Supplier<T> start) {
    boolean before = STARTING.get();
    STARTING.set(true);
    try {
      return start.get();
    } finally {
      STARTING.set(before);
    }
  }

  /** Whether the process now starting was started by a case's own step. */
  public static boolean starting() {
    return STARTING.get();
  }
}
