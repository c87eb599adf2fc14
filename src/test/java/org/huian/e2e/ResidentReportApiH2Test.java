package org.huian.e2e;

import org.springframework.test.context.TestPropertySource;

/** The resident's page on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-resident;DB_CLOSE_DELAY=-1")
class ResidentReportApiH2Test extends AbstractResidentReportApiTest {}
