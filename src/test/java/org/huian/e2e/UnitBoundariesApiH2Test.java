package org.huian.e2e;

import org.springframework.test.context.TestPropertySource;

/** The unit-boundary suite on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-boundaries;DB_CLOSE_DELAY=-1")
class UnitBoundariesApiH2Test extends AbstractUnitBoundariesApiTest {}
