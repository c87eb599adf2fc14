package org.huian.duplicates;

/** Why a case is suggested: the kind, its points and a Chinese sentence (phones and people's names masked). */
public record Reason(Kind kind, double points, String label) {

  public enum Kind {
    /** Same organisation (credit code or name), the same phone, or the same person in the same street. */
    SAME_PARTY,
    SAME_ADDRESS,
    SAME_GRID,
    /** Title and description share character bigrams (Dice coefficient). */
    SIMILAR_TEXT,
    /** Same category in the same street, taken in within the configured window. */
    SAME_CATEGORY_RECENT
  }
}
