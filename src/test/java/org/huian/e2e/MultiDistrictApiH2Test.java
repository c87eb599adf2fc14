package org.huian.e2e;

import org.springframework.test.context.TestPropertySource;

/** Two districts in one installation, on H2. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-districts;DB_CLOSE_DELAY=-1")
class MultiDistrictApiH2Test extends AbstractMultiDistrictApiTest {}
