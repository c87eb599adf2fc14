package org.huian.duplicates;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** JSON shapes of the duplicate endpoints. */
public final class DuplicateView {

  private DuplicateView() {}

  public record UnitRef(String code, String name) {}

  /** A case that may be the same matter, with its score (0 to 1) and why. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Suggestion(String caseNo, String title, String status, String category, String categoryName,
      String level, UnitRef unit, String streetCode, Instant createdAt, Instant closedAt, double score,
      List<Reason> reasons) {}

  /** The answer of {@code POST /api/cases/duplicates}: best first, at most the configured number. */
  public record Suggestions(List<Suggestion> items, int candidatesScored) {}

  public record Link(String caseNo, String originalCaseNo, String actor, String note, Instant createdAt) {}

  /** A stored case: what it was closed as a duplicate of, which cases were closed as its duplicates, and suggestions. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CaseDuplicates(String caseNo, String status, Link duplicateOf, List<Link> duplicates,
      List<Suggestion> suggestions) {}

  /** The body of {@code POST /api/cases/{caseNo}/duplicate-of}. */
  public record MarkDuplicateRequest(String originalCaseNo, String note) {}
}
