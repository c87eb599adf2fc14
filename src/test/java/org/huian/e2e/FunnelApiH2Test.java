package org.huian.e2e;

import org.springframework.test.context.TestPropertySource;

/** The end-to-end suite on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-e2e;DB_CLOSE_DELAY=-1")
class FunnelApiH2Test extends AbstractFunnelApiTest {}
