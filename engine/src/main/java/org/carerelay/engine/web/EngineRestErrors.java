package org.carerelay.engine.web;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST APIs answer 500 when a start or a task completion fails in a listener, bad input
 * included. A request refused because of what the caller sent (a form's rules, a missing variable)
 * is the caller's mistake: this answers 400 with the same message instead, on {@code /engine-rest}
 * and on the API Tasklist itself calls ({@code /camunda/api/engine}).
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer, WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  /** The servlet Camunda's webapp starter registers for {@code /camunda/api/engine/*}. */
  private static final String WEBAPP_ENGINE_API = "Engine Api";

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(CallerMistakes.class);
  }

  /**
   * Camunda's webapp starter registers the Tasklist API servlet while Spring Boot's initializers
   * run; this container initializer runs after them and adds the mapper to that servlet.
   */
  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> context.addServletContainerInitializer((classes, servletContext) -> {
      ServletRegistration webappApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
      if (webappApi != null) {
        webappApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, CallerMistakes.class.getName());
      }
    }, null));
  }

  /** Takes precedence over Camunda's own mapper of {@link RestException}. */
  @Priority(1)
  public static class CallerMistakes implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      if (exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR && causedByCaller(exception)) {
        exception = new RestException(Response.Status.BAD_REQUEST, exception, exception.getMessage());
      }
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    private static boolean causedByCaller(Throwable exception) {
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof FormFieldValidationException || cause instanceof BadUserRequestException) {
          return true;
        }
      }
      return false;
    }
  }
}
