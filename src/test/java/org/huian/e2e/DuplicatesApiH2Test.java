package org.huian.e2e;

import org.springframework.test.context.TestPropertySource;

/** Duplicate suggestion and marking on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-duplicates;DB_CLOSE_DELAY=-1")
class DuplicatesApiH2Test extends AbstractDuplicatesApiTest {}
