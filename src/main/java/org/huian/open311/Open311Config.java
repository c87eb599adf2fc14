package org.huian.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.huian.security.StartupGate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
