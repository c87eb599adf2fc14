package org.huian.e2e;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same end-to-end suite on a real PostgreSQL server. */
class FunnelApiPostgresTest extends AbstractFunnelApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = EmbeddedPostgres.newDatabase("huian_e2e");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }
}
