package org.carerelay.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that starts and stops CareRelay itself. It runs in a JVM of its own (the surefire
 * execution {@code standalone-applications}), apart from the cached test contexts, because
 * Camunda registers its engine and webapp filters JVM-wide.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(StandaloneApplication.TAG)
public @interface StandaloneApplication {
  String TAG = "standalone-application";
}
