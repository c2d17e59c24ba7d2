package org.carerelay.engine.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST APIs answer 500 when a start or a task completion fails in a listener, bad input
 * included, and word their 400s in the engine's terms. A request refused because of what the caller
 * sent (a form's rules, a missing variable) is the caller's mistake: this answers 400 in CareRelay's
 * one problem shape ({@link Problems}) instead, naming each field, on {@code /engine-rest} and on the
 * API Tasklist itself calls ({@code /camunda/api/engine}). Other errors keep Camunda's answer.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer, WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  /** The servlet Camunda's webapp starter registers for {@code /camunda/api/engine/*}. */
  private static final String WEBAPP_ENGINE_API = "Engine Api";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Camunda's code for a variable sent in Java's serialised form, which it refuses (by configuration). */
  private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";
  /** The mappers below, registered on both APIs. */
  private static final List<Class<?>> MAPPERS = List.of(RestMistakes.class, EngineMistakes.class,
      UnparsableJson.class, MistypedJson.class);

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    MAPPERS.forEach(config::register);
  }

  /**
   * Camunda's webapp starter registers the Tasklist API servlet while Spring Boot's initializers
   * run; this container initializer runs after them and adds the mappers to that servlet.
   */
  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> context.addServletContainerInitializer((classes, servletContext) -> {
      ServletRegistration webappApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
      if (webappApi != null) {
        webappApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
            String.join(",", MAPPERS.stream().map(Class::getName).toList()));
      }
    }, null));
  }

  /** Takes precedence over Camunda's own mapper of {@link RestException}. */
  @Priority(1)
  public static class RestMistakes implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      return answer(exception);
    }
  }

  /** Takes precedence over Camunda's own mapper of {@link ProcessEngineException}. */
  @Priority(1)
  public static class EngineMistakes implements ExceptionMapper<ProcessEngineException> {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception);
    }
  }

  /** Takes precedence over Camunda's own mapper of a body that is not JSON (the same exception type). */
  @Priority(1)
  public static class UnparsableJson implements ExceptionMapper<JsonParseException> {

    @Override
    public Response toResponse(JsonParseException exception) {
      return problem("The request body is not valid JSON", List.of());
    }
  }

  /** Takes precedence over Camunda's own mapper of JSON of the wrong shape. */
  @Priority(1)
  public static class MistypedJson implements ExceptionMapper<JsonMappingException> {

    @Override
    public Response toResponse(JsonMappingException exception) {
      if (String.valueOf(exception.getOriginalMessage()).contains("end-of-input")) {
        return problem("The request body is not valid JSON", List.of());
      }
      String field = exception.getPath().isEmpty() ? null
          : exception.getPath().get(exception.getPath().size() - 1).getFieldName();
      return problem("The request body is not of the expected shape",
          List.of(new FieldProblem(field == null ? "body" : field, "is not of the expected kind")));
    }
  }

  private static Response answer(Throwable exception) {
    InvalidInput fields = cause(exception, InvalidInput.class);
    if (fields != null) {
      return problem(Problems.plain(fields.getMessage()), fields.problems());
    }
    if (String.valueOf(exception.getMessage()).contains(JAVA_SERIALIZATION_PROHIBITED)) {
      return problem("Values in Java's serialised form are refused; send them as JSON", List.of());
    }
    Throwable mistake = cause(exception, FormFieldValidationException.class);
    if (mistake == null) {
      mistake = cause(exception, BadUserRequestException.class);
    }
    Response.Status status = ExceptionHandlerHelper.getInstance().getStatus(exception);
    if (mistake != null && status == Response.Status.INTERNAL_SERVER_ERROR) {
      return problem(Problems.plain(mistake.getMessage()), List.of());
    }
    if (status == Response.Status.BAD_REQUEST) {
      return problem(Problems.plain(exception.getMessage()), List.of());
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  private static <T extends Throwable> T cause(Throwable exception, Class<T> type) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }

  private static Response problem(String detail, List<FieldProblem> errors) {
    try {
      return Response.status(Response.Status.BAD_REQUEST).type(Problems.MEDIA_TYPE)
          .entity(JSON.writeValueAsString(Problems.body(HttpStatus.BAD_REQUEST, detail, errors))).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
