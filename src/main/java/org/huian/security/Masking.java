package org.huian.security;

/** Masks residents' phone numbers for lists, notifications and logs. */
public final class Masking {

  private Masking() {}

  /** {@code 13812345678 -> 138****5678}; {@code 010-12345678 -> 010****5678}; null stays null. */
  public static String phone(String phone) {
    if (phone == null || phone.isBlank()) {
      return phone;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.length() < 7) {
      return "****";
    }
    return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }

  /** Keeps the family name: {@code 李明 -> 李*}. */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    int first = name.codePointAt(0);
    return new String(Character.toChars(first)) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
  }
}
