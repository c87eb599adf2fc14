package org.huian.e2e;

import org.springframework.test.context.TestPropertySource;

/** A year of the safety dialogue on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-dialogue;DB_CLOSE_DELAY=-1")
class DialogueApiH2Test extends AbstractDialogueApiTest {}
