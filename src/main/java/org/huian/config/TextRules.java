package org.huian.config;

/** Rules every free text a person submits must meet, wherever it comes in (API, form, link). */
public final class TextRules {

  /** A mainland mobile number (11 digits from 1) or a landline with its area code (010-64000000). */
  public static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$");

  private TextRules() {}

  /** Invisible control characters (NUL and the like); line breaks and tabs are allowed. */
  public static boolean hasControlCharacters(String text) {
    return text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
  }
}
