package org.carerelay.processes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The process variables a delegate sets, for the model checker: a timer may only read a variable
 * that a step before it sets (this delegate, a form, or a step's output mapping).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SetsVariables {

  /** The variables' names. */
  String[] value();
}
