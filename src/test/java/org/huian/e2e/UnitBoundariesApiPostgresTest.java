package org.huian.e2e;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The unit-boundary suite on a real PostgreSQL server: V9's TEXT column, the lock and the version query there. */
class UnitBoundariesApiPostgresTest extends AbstractUnitBoundariesApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = EmbeddedPostgres.newDatabase("huian_boundaries");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }
}
