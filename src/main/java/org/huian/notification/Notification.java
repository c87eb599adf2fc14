package org.huian.notification;

/**
 * One message from the outbox. {@code recipient} is a Camunda group id for units, or {@code
 * sms:<phone>} for a reporter.
 */
public record Notification(long id, String caseNo, String kind, String recipient, String subject, String body) {}
