package org.huian.privacy;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers and resident ID numbers (居民身份证号码, GB 11643-1999) as they appear in Huian's
 * fields and free text: normalising, recognising and finding them.
 */
final class PersonalIdentifiers {

  /** A mainland mobile number not inside a longer run of digits. */
  static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])");
  /** A landline with its area code: 010-87654321, 0571 8888 8888. */
  static final Pattern LANDLINE = Pattern.compile("(?<![0-9])0[1-9][0-9]{1,2}[- ]?[0-9]{7,8}(?![0-9])");
  /** An 18-character resident ID number (the check character is verified separately). */
  static final Pattern ID_NUMBER = Pattern.compile(
      "(?<![0-9A-Za-z])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])");

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] ID_CHECK = "10X98765432".toCharArray();

  private PersonalIdentifiers() {}

  /** Digits only, without a +86/0086 prefix; empty when fewer than 7 digits remain. */
  static Optional<String> phoneDigits(String phone) {
    if (phone == null) {
      return Optional.empty();
    }
    String d = Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
    if (d.length() == 13 && d.startsWith("86") || d.length() == 15 && d.startsWith("0086")) {
      d = d.substring(d.length() - 11);
    }
    return d.length() >= 7 && d.length() <= 15 ? Optional.of(d) : Optional.empty();
  }

  /** The ID number in upper case when it is a valid 18-character resident ID number. */
  static Optional<String> idNumber(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC).toUpperCase(java.util.Locale.ROOT);
    if (!ID_NUMBER.matcher(v).matches()) {
      return Optional.empty();
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (v.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return ID_CHECK[sum % 11] == v.charAt(17) ? Optional.of(v) : Optional.empty();
  }

  /**
   * The text with every mobile number, landline and valid ID number replaced. Digit runs that only
   * look like one (an 18-digit number with a wrong check character, a case number) stay.
   */
  static String removeNumbers(String text, String replacement) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = replaceAll(ID_NUMBER, text, m -> idNumber(m).isPresent() ? replacement : m);
    out = MOBILE.matcher(out).replaceAll(Matcher.quoteReplacement(replacement));
    return LANDLINE.matcher(out).replaceAll(Matcher.quoteReplacement(replacement));
  }

  private static String replaceAll(Pattern p, String text, java.util.function.UnaryOperator<String> f) {
    Matcher m = p.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m.group())));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
