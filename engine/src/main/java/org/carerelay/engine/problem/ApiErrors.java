package org.carerelay.engine.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of CareRelay's own API in the one problem shape ({@link Problems}): each field named with
 * what was wrong and what was expected, never a stack trace or a class name.
 */
@RestControllerAdvice(basePackages = "org.carerelay.engine")
class ApiErrors extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InvalidInput.class)
  ResponseEntity<Object> invalidInput(InvalidInput ex) {
    return badRequest(Problems.plain(ex.getMessage()), ex.problems());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
        .sorted(Comparator.comparing(FieldProblem::field)).toList();
    return badRequest(summary(problems), problems);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      FieldProblem problem = new FieldProblem(field(mismatch), expected(mismatch));
      return badRequest(summary(List.of(problem)), List.of(problem));
    }
    return badRequest(ex.getCause() == null ? "The request has no body; send JSON"
        : "The request body is not valid JSON", List.of());
  }

  /** Every other refusal (404, 409, ...) in the same shape, with no fields. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      Map<String, Object> properties = problem.getProperties();
      if (properties == null || !properties.containsKey("errors")) {
        problem.setProperty("errors", List.of());
      }
      problem.setProperty("message", problem.getDetail());
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private static ResponseEntity<Object> badRequest(String detail, List<FieldProblem> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setProperty("errors", Problems.errors(problems));
    problem.setProperty("message", detail);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static String summary(List<FieldProblem> problems) {
    return "The request was not accepted: " + problems.stream().map(FieldProblem::text).collect(Collectors.joining("; "));
  }

  private static String field(JsonMappingException mismatch) {
    return mismatch.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  /** What the field should have held, in words: a time's reader already says it; other types by kind. */
  private static String expected(MismatchedInputException mismatch) {
    Class<?> type = mismatch.getTargetType();
    if (mismatch instanceof InvalidFormatException && (type == OffsetDateTime.class || type == LocalDate.class)) {
      return mismatch.getOriginalMessage();
    }
    if (type == Boolean.class || type == boolean.class) {
      return "expected true or false";
    }
    if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
      return "expected a number";
    }
    if (type != null && type.isEnum()) {
      return "expected one of " + List.of(type.getEnumConstants());
    }
    if (type == String.class) {
      return "expected text";
    }
    return "is not of the expected kind";
  }
}
