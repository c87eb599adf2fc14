package org.huian.notification.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huian.notification.Notification;
import org.huian.notification.PermanentNotificationFailure;
import org.huian.security.Masking;

/** What an SMS says and to whom: numbers, template values, UCS2 segments. No state. */
final class SmsText {

  /** Mainland China mobile numbers: 11 digits from 13x to 19x. */
  private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
  private static final Pattern LINK = Pattern.compile("https?://[A-Za-z0-9.:_/-]*/(?:m|track)/([A-Za-z0-9_-]{16,})");

  /** One SMS holds 140 octets: 70 UCS2 characters, or 67 beside a 6-octet concatenation header. */
  static final int SINGLE_UCS2 = 70;
  static final int SEGMENT_UCS2 = 67;

  private SmsText() {}

  /** The 11 digits of a mainland mobile number in {@code sms:<phone>}, or empty for a landline or garbage. */
  static Optional<String> mobile(String recipient) {
    String raw = recipient.startsWith("sms:") ? recipient.substring(4) : recipient;
    String digits = raw.replaceAll("[\\s()-]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    } else if (digits.startsWith("0086")) {
      digits = digits.substring(4);
    } else if (digits.startsWith("86") && digits.length() == 13) {
      digits = digits.substring(2);
    }
    return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
  }

  /** The number as a log line or an error may show it: {@code 138****5678}. */
  static String masked(String recipient) {
    return Masking.phone(mobile(recipient).orElse(recipient.startsWith("sms:") ? recipient.substring(4) : recipient));
  }

  /** The 11 digits, or a permanent failure: a landline or a malformed number never receives an SMS. */
  static String requireMobile(Notification n) {
    return mobile(n.recipient()).orElseThrow(() -> new PermanentNotificationFailure(
        "not a mainland mobile number: " + masked(n.recipient())));
  }

  /** The values of a template's variables, each from its source in the notification. */
  static Map<String, String> templateParams(Map<String, String> sources, Notification n) {
    Map<String, String> values = new LinkedHashMap<>();
    sources.forEach((variable, source) -> values.put(variable, switch (source) {
      case "caseNo" -> n.caseNo() == null ? "" : n.caseNo();
      case "subject" -> n.subject();
      case "body" -> n.body();
      case "link" -> link(n.body()).orElseThrow(() -> missingLink(n, variable)).group();
      case "token" -> link(n.body()).orElseThrow(() -> missingLink(n, variable)).group(1);
      default -> throw new PermanentNotificationFailure("template variable " + variable + " has an unknown source '"
          + source + "' (caseNo, subject, body, link, token)");
    }));
    return values;
  }

  private static PermanentNotificationFailure missingLink(Notification n, String variable) {
    return new PermanentNotificationFailure("template variable " + variable + " needs a confirmation link, but the "
        + n.kind() + " message has none");
  }

  private static Optional<Matcher> link(String body) {
    Matcher m = LINK.matcher(body == null ? "" : body);
    return m.find() ? Optional.of(m) : Optional.empty();
  }

  /**
   * The text in UCS2 (UTF-16BE): one part when it fits 70 characters, otherwise parts of at most
   * 67 characters, each behind the concatenation header {@code 05 00 03 ref total seq}. A
   * surrogate pair (an emoji) is never cut in two.
   */
  static List<byte[]> ucs2Segments(String text, int reference) {
    if (text.length() <= SINGLE_UCS2) {
      return List.of(text.getBytes(StandardCharsets.UTF_16BE));
    }
    List<String> parts = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + SEGMENT_UCS2);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      parts.add(text.substring(start, end));
      start = end;
    }
    if (parts.size() > 255) {
      throw new PermanentNotificationFailure("text too long for one SMS: " + parts.size() + " segments");
    }
    List<byte[]> segments = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      byte[] body = parts.get(i).getBytes(StandardCharsets.UTF_16BE);
      byte[] segment = new byte[6 + body.length];
      segment[0] = 0x05;
      segment[1] = 0x00;
      segment[2] = 0x03;
      segment[3] = (byte) reference;
      segment[4] = (byte) parts.size();
      segment[5] = (byte) (i + 1);
      System.arraycopy(body, 0, segment, 6, body.length);
      segments.add(segment);
    }
    return segments;
  }
}
