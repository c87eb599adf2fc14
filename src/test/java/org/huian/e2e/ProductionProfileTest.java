package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.huian.HuianApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Profile prod never starts with the demo administrator password. */
class ProductionProfileTest {

  @Test
  void shouldRefuseToStartWithoutAnAdministratorPassword() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(HuianApplication.class)
        .profiles("prod")
        .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:huian-prod;DB_CLOSE_DELAY=-1",
            "--camunda.bpm.job-execution.enabled=false").close())
        .hasStackTraceContaining("HUIAN_ADMIN_PASSWORD");
  }
}
