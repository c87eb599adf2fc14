package org.huian.e2e;

import org.springframework.test.context.TestPropertySource;

/** The Open311 conformance suite on H2 (in memory, a database of its own). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-open311;DB_CLOSE_DELAY=-1")
class Open311ApiH2Test extends AbstractOpen311ApiTest {}
