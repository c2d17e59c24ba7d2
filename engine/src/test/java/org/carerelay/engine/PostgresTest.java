package org.carerelay.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The demo region on a fresh PostgreSQL database of the local server, on a random port. These
 * tests run in a JVM of their own (the surefire execution {@code postgresql}): Camunda's webapps
 * keep JVM-wide state that lets only one web application context serve per JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(PostgresTest.TAG)
@ExtendWith(PostgresDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresDatabase.class)
@ActiveProfiles({"demo", "test"})
public @interface PostgresTest {
  String TAG = "postgresql";
}
