package org.huian.e2e;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Retention and rights on a real PostgreSQL server. */
@TestPropertySource(properties = {"huian.privacy.batch-size=1", "huian.privacy.legal-hold=P5Y"})
class PrivacyApiPostgresTest extends AbstractPrivacyApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = EmbeddedPostgres.newDatabase("huian_privacy");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }
}
