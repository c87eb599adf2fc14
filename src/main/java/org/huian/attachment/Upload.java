package org.huian.attachment;

/**
 * One file as the client sent it. The name is only displayed: the type comes from the bytes.
 *
 * @param fileName the client's file name, or {@code null}
 */
public record Upload(String fileName, byte[] bytes) {}
