package org.huian.e2e;

import org.springframework.test.context.TestPropertySource;

/** Attachments over real HTTP on H2 (in memory), with the database store. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-attachments;DB_CLOSE_DELAY=-1")
class AttachmentApiH2Test extends AbstractAttachmentApiTest {}
