package org.huian.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What anonymising one case (or report) replaces: each person's name by a label ({@code 当事人A},
 * {@code 当事人B} … in the order of the parties), each phone and ID number by {@link #REMOVED},
 * and in free text any mobile, landline or valid ID number besides. Organisations keep their names
 * and credit codes. Names shorter than two characters are replaced only where they fill a field,
 * never inside text (a one-character name would wreck every sentence that contains it).
 */
final class Redaction {

  /** What stands in a text where a phone or ID number was. */
  static final String REMOVED = "〔已删除〕";

  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, String> replacements = new LinkedHashMap<>();
  private List<Map.Entry<String, String>> ordered;

  /** The label of the n-th person (0-based): 当事人A … 当事人Z, then 当事人27, 当事人28 … */
  static String label(int n) {
    return n < 26 ? "当事人" + (char) ('A' + n) : "当事人" + (n + 1);
  }

  /** Registers a person's name; the same name (after trimming) keeps its first label. */
  String person(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    String key = name.strip();
    if (isLabel(key)) {
      return key;
    }
    String label = names.computeIfAbsent(key, k -> label(names.size()));
    if (key.codePointCount(0, key.length()) >= 2) {
      replacements.put(key, label);
    }
    ordered = null;
    return label;
  }

  /** Registers a phone number: its written form and its digits are removed wherever they appear. */
  void phone(String phone) {
    if (phone == null || phone.isBlank()) {
      return;
    }
    replacements.put(phone.strip(), REMOVED);
    PersonalIdentifiers.phoneDigits(phone).ifPresent(d -> {
      replacements.put(d, REMOVED);
      if (d.length() == 11 && d.startsWith("010")) {
        replacements.put(d.substring(3), REMOVED);
      }
    });
    ordered = null;
  }

  void idNumber(String id) {
    PersonalIdentifiers.idNumber(id).ifPresent(v -> {
      replacements.put(v, REMOVED);
      replacements.put(v.toLowerCase(java.util.Locale.ROOT), REMOVED);
      ordered = null;
    });
  }

  static boolean isLabel(String name) {
    return name != null && name.matches("当事人([A-Z]|[0-9]+)");
  }

  boolean isEmpty() {
    return replacements.isEmpty();
  }

  /** The secrets, longest first (so a full number goes before a shorter number inside it). */
  private List<Map.Entry<String, String>> ordered() {
    if (ordered == null) {
      ordered = new ArrayList<>(replacements.entrySet());
      ordered.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
    }
    return ordered;
  }

  /** A free text with every registered secret and any phone or ID number replaced. */
  String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return PersonalIdentifiers.removeNumbers(secretsOnly(text), REMOVED);
  }

  /**
   * Only the registered secrets, no pattern: for a record several items share (a linked-risk
   * cluster), whose other numbers belong to other cases.
   */
  String secretsOnly(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (Map.Entry<String, String> e : ordered()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  /**
   * A stored value (a serialized or JSON variable, a comment, a stack trace): UTF-8 text is
   * redacted as text; anything else (Java serialization) has each secret's bytes overwritten by as
   * many {@code *}, which keeps every length prefix valid.
   */
  byte[] bytes(byte[] value) {
    if (value == null || value.length == 0) {
      return value;
    }
    boolean javaSerialized = value.length > 1 && (value[0] & 0xff) == 0xac && (value[1] & 0xff) == 0xed;
    if (!javaSerialized) {
      Optional<String> text = utf8(value);
      if (text.isPresent()) {
        String redacted = text(text.get());
        return redacted.equals(text.get()) ? value : redacted.getBytes(StandardCharsets.UTF_8);
      }
    }
    byte[] out = value.clone();
    for (Map.Entry<String, String> e : ordered()) {
      byte[] secret = e.getKey().getBytes(StandardCharsets.UTF_8);
      for (int i = indexOf(out, secret, 0); i >= 0; i = indexOf(out, secret, i + secret.length)) {
        java.util.Arrays.fill(out, i, i + secret.length, (byte) '*');
      }
    }
    return java.util.Arrays.equals(out, value) ? value : out;
  }

  static Optional<String> utf8(byte[] value) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
