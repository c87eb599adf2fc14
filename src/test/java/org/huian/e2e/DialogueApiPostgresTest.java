package org.huian.e2e;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A year of the safety dialogue on a real PostgreSQL server. */
class DialogueApiPostgresTest extends AbstractDialogueApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = EmbeddedPostgres.newDatabase("huian_dialogue");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }
}
