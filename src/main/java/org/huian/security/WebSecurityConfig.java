package org.huian.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Credentials for the two HTTP APIs. The webapps (Tasklist, Cockpit, Admin) keep their own
 * session login. {@code /engine-rest} uses Camunda's own filter, so engine authorizations apply
 * to every REST call; {@code /api} uses the same users through {@link ApiAuthenticationFilter}.
 */
@Configuration
class WebSecurityConfig {

  @Bean
  FilterRegistrationBean<StartupGateFilter> startupGateFilter(StartupGate gate) {
    FilterRegistrationBean<StartupGateFilter> registration = new FilterRegistrationBean<>(new StartupGateFilter(gate));
    registration.setName("huian-startup-gate");
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setOrder(5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-auth");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(
      IdentityService identityService, ScopeResolver scopes, ObjectMapper json, FieldTokens tokens) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, scopes, json, tokens));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(11);
    return registration;
  }
}
