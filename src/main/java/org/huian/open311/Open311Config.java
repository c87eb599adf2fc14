package org.huian.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.huian.security.StartupGate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * {@code /open311/*} is outside {@code /api}, so HTTP Basic ({@code ApiAuthenticationFilter})
 * never applies there: reads are public, a POST carries its {@code api_key}. Its errors go
 * through {@link Open311ErrorFilter}.
 */
@Configuration
class Open311Config {

  @Bean
  FilterRegistrationBean<Open311ErrorFilter> open311Errors(StartupGate gate, ObjectMapper json) {
    FilterRegistrationBean<Open311ErrorFilter> registration = new FilterRegistrationBean<>(new Open311ErrorFilter(gate, json));
    registration.setName("huian-open311-errors");
    registration.addUrlPatterns("/open311/*");
    registration.setOrder(5);
    return registration;
  }

  /**
   * In the OpenAPI document, {@code /open311} needs no HTTP Basic and answers errors as Open311's
   * list, not problem+json: after the general customizer, its operations lose the Basic
   * requirement and the problem answers, and get the Open311 error answers instead.
   */
  @Bean
  @Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
  org.springdoc.core.customizers.OpenApiCustomizer open311Answers() {
    return api -> api.getPaths().forEach((path, item) -> {
      if (!path.startsWith("/open311/")) {
        return;
      }
      item.readOperationsMap().forEach((method, op) -> {
        op.setSecurity(java.util.List.of());
        op.getResponses().remove("401");
        op.getResponses().put("400", error(400, "jurisdiction_id：本接口服务多个区，须提供 jurisdiction_id"));
        op.getResponses().put("404", error(404, "service_code 不存在：POTHOLE"));
        if (method.name().equals("POST")) {
          op.getResponses().put("403", error(403, "api_key 已被吊销：请联系系统管理员重新签发"));
          op.getResponses().put("429", error(429, "该 api_key 的请求过于频繁（每分钟上限 60 次），请 10 秒后重试"));
        }
      });
    });
  }

  private static io.swagger.v3.oas.models.responses.ApiResponse error(int code, String description) {
    var content = new io.swagger.v3.oas.models.media.Content()
        .addMediaType("text/xml", new io.swagger.v3.oas.models.media.MediaType().example(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>" + code + "</code><description>" + description
                + "</description></error></errors>"))
        .addMediaType("application/json", new io.swagger.v3.oas.models.media.MediaType().example(
            "[{\"code\":" + code + ",\"description\":\"" + description + "\"}]"));
    return new io.swagger.v3.oas.models.responses.ApiResponse().description("Open311 错误列表").content(content);
  }
}
