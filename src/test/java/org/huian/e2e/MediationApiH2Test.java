package org.huian.e2e;

import org.springframework.test.context.TestPropertySource;

/** Mr Li's case on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-mediation;DB_CLOSE_DELAY=-1")
class MediationApiH2Test extends AbstractMediationApiTest {}
