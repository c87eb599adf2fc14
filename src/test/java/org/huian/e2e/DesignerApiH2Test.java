package org.huian.e2e;

import org.springframework.test.context.TestPropertySource;

/** The process designer's loop, on H2. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-designer;DB_CLOSE_DELAY=-1")
class DesignerApiH2Test extends AbstractDesignerApiTest {}
