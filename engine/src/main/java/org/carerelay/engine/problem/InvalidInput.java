package org.carerelay.engine.problem;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input refused field by field. Thrown inside the engine (a form's rules, a listener) as well as by
 * CareRelay's controllers; a {@link FormFieldValidationException}, so the engine rolls back and
 * Camunda's REST layer counts it as the caller's mistake. Answered with status 400 and the fields.
 */
public class InvalidInput extends FormFieldValidationException {

  private final transient List<FieldProblem> problems;

  /**
   * @param what what was not saved, for the summary line ({@code The start of this case})
   */
  public InvalidInput(String what, List<FieldProblem> problems) {
    super(List.copyOf(problems), what + " was not saved: "
        + problems.stream().map(FieldProblem::text).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public InvalidInput(String what, FieldProblem problem) {
    this(what, List.of(problem));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
