package org.huian.duplicates;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huian.risk.SubjectKeys;

/**
 * The lookup keys of a report and the character bigrams its text is compared by. Identity keys
 * reuse risk monitoring's normalisation ({@link SubjectKeys}): the same company written as
 * 北京某某有限公司 or 某某公司 gives one key, a phone with +86 or dashes gives one key.
 */
final class MatchKeys {

  static final String CREDIT = "C:";
  static final String ORG = "O:";
  static final String PHONE = "T:";
  static final String PERSON = "N:";
  static final String ADDRESS = "A:";
  static final String GRID = "G:";
  static final String WORD = "W:";
  static final String CATEGORY = "K:";
  /** Longest key stored (the column is 120 characters); longer addresses and names are cut. */
  static final int MAX_KEY = 120;
  /** Bigrams of the title used for lookup (all of them are used for the score). */
  static final int MAX_TITLE_KEYS = 24;

  private static final Pattern NOT_TEXT = Pattern.compile("[^\\p{IsHan}\\p{IsLatin}\\p{Nd}]+");
  /** A unified social credit code written anywhere in a name or a description. */
  private static final Pattern CREDIT_CODE = Pattern.compile("(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])");
  /** Words every report shares, which say nothing about which matter it is. */
  private static final Set<String> STOP = Set.of("反映", "问题", "情况", "要求", "希望", "协调", "处理", "解决", "居民", "群众");

  private MatchKeys() {}

  /** Every lookup key of the report, without repeats. */
  static Set<String> of(Probe p) {
    Set<String> keys = new LinkedHashSet<>();
    for (Probe.Subject s : p.subjects()) {
      SubjectKeys.creditCode(s.creditCode()).ifPresent(v -> keys.add(CREDIT + v));
      if (s.organisation()) {
        SubjectKeys.orgName(s.name()).ifPresent(v -> keys.add(cut(ORG + v)));
      } else {
        personName(s.name()).ifPresent(v -> keys.add(cut(PERSON + p.streetCode() + ":" + v)));
      }
      SubjectKeys.phone(s.phone()).ifPresent(v -> keys.add(PHONE + v));
    }
    for (String code : creditCodes(p.description())) {
      keys.add(CREDIT + code);
    }
    SubjectKeys.address(p.address()).ifPresent(v -> keys.add(cut(ADDRESS + v)));
    if (p.gridId() != null) {
      keys.add(GRID + p.gridId());
    }
    int words = 0;
    for (String b : bigrams(p.title())) {
      if (words++ == MAX_TITLE_KEYS) {
        break;
      }
      keys.add(WORD + p.streetCode() + ":" + b);
    }
    keys.add(CATEGORY + p.streetCode() + ":" + p.category());
    return keys;
  }

  /**
   * The character bigrams of a text: NFKC, lower case, split at anything that is not a Han
   * character, a Latin letter or a digit; runs of Latin letters or of digits count as one token;
   * words every report uses (反映, 问题 …) are left out. A one-character text gives itself.
   */
  static Set<String> bigrams(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null) {
      return out;
    }
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    for (String run : NOT_TEXT.split(t)) {
      if (run.isEmpty()) {
        continue;
      }
      java.util.List<String> tokens = tokens(run);
      if (tokens.size() == 1 && tokens.get(0).codePointCount(0, tokens.get(0).length()) == 1) {
        continue; // a lone character between punctuation says little
      }
      for (int i = 0; i + 1 < tokens.size(); i++) {
        String b = tokens.get(i) + tokens.get(i + 1);
        if (!STOP.contains(b)) {
          out.add(b);
        }
      }
      if (tokens.size() == 1) {
        out.add(tokens.get(0));
      }
    }
    return out;
  }

  /** Han characters one by one; a run of Latin letters or of digits as one token. */
  private static java.util.List<String> tokens(String run) {
    java.util.List<String> tokens = new java.util.ArrayList<>();
    StringBuilder word = new StringBuilder();
    run.codePoints().forEach(cp -> {
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        if (!word.isEmpty()) {
          tokens.add(word.toString());
          word.setLength(0);
        }
        tokens.add(new String(Character.toChars(cp)));
      } else {
        if (!word.isEmpty() && Character.isDigit(word.codePointAt(word.length() - 1)) != Character.isDigit(cp)) {
          tokens.add(word.toString());
          word.setLength(0);
        }
        word.appendCodePoint(cp);
      }
    });
    if (!word.isEmpty()) {
      tokens.add(word.toString());
    }
    return tokens;
  }

  /** Dice coefficient of two bigram sets: 2·|A∩B| / (|A|+|B|), 0 when either is empty. */
  static double dice(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int common = 0;
    for (String s : small) {
      if (large.contains(s)) {
        common++;
      }
    }
    return 2.0 * common / (a.size() + b.size());
  }

  /** A person's name as a key: spaces and punctuation removed; two to six characters, no 某 placeholder. */
  static java.util.Optional<String> personName(String name) {
    if (name == null) {
      return java.util.Optional.empty();
    }
    String n = NOT_TEXT.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("").toLowerCase(Locale.ROOT);
    return n.length() >= 2 && n.length() <= 6 && !n.contains("某") ? java.util.Optional.of(n) : java.util.Optional.empty();
  }

  static Set<String> creditCodes(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null) {
      return out;
    }
    Matcher m = CREDIT_CODE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT));
    while (m.find()) {
      if (SubjectKeys.validCreditCode(m.group())) {
        out.add(m.group());
      }
    }
    return out;
  }

  private static String cut(String key) {
    return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
  }
}
