package org.huian.e2e;

import org.springframework.test.context.TestPropertySource;

/** Retention and rights on H2 (in memory). */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:huian-privacy;DB_CLOSE_DELAY=-1",
    "huian.privacy.batch-size=1", "huian.privacy.legal-hold=P5Y"})
class PrivacyApiH2Test extends AbstractPrivacyApiTest {}
