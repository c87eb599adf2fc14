package org.huian.config;

/** Rules every free text a person submits must meet, wherever it comes in (API, form, link). */
public final class TextRules {

  private TextRules() {}

  /** Invisible control characters (NUL and the like); line breaks and tabs are allowed. */
  public static boolean hasControlCharacters(String text) {
    return text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
  }
}
