package org.huian.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} answers a call on another district's task or instance (the engine's tenant
 * check, ENGINE-13034 "belongs to no authenticated tenant") with 404, as if it did not exist,
 * which is what the caller's queries show; Camunda's own mapping makes it a 500, a server error
 * for a client's mistake. Every other exception goes to Camunda's mapping unchanged.
 */
@Configuration
class TenantCheckExceptions {

  static final String TENANT_CHECK = "ENGINE-13034";

  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        register(RestExceptions.class);
        register(EngineExceptions.class);
      }
    };
  }

  static boolean tenantCheck(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(TENANT_CHECK)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  static Response notFound() {
    return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "NotFoundException", "message", "不存在或不属于本区", "code", 0)).build();
  }

  @Priority(1)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      return tenantCheck(e) ? notFound() : ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }

  @Priority(1)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      return tenantCheck(e) ? notFound() : ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }
}
