package org.huian.e2e;

import org.springframework.test.context.TestPropertySource;

/** Migration of running cases between versions of the case processes, on H2. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-migration;DB_CLOSE_DELAY=-1")
class CaseMigrationApiH2Test extends AbstractCaseMigrationApiTest {}
