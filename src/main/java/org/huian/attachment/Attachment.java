package org.huian.attachment;

import java.time.Instant;

/**
 * A stored file of a case or a grid report.
 *
 * @param step the handling step it documents (e.g. "处置案件（处置后）"), or {@code null} for intake
 * @param contentType the type of the stored (re-encoded) file: image/jpeg, image/png or application/pdf
 * @param width pixels of an image after re-encoding; {@code null} for a PDF
 * @param url {@code /api/attachments/{id}}
 * @param thumbnailUrl {@code /api/attachments/{id}/thumbnail}, or {@code null} when there is none
 */
public record Attachment(String id, AttachmentOwner owner, String ownerNo, String step,
    String caption, String contentType, long size, Integer width, Integer height,
    String url, String thumbnailUrl, Instant createdAt) {}
