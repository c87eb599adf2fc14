package org.huian.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Profile {@code prod} refuses to start without an administrator password from the environment. */
@Component
@Profile("prod")
class ProductionGuard implements InitializingBean {

  private final Environment environment;

  ProductionGuard(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    String password = environment.getProperty("HUIAN_ADMIN_PASSWORD");
    if (password == null || password.isBlank() || "admin".equals(password)) {
      throw new IllegalStateException(
          "profile prod needs the environment variable HUIAN_ADMIN_PASSWORD (not empty, not 'admin')");
    }
  }
}
