package org.huian.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.huian.geography.Geography;
import org.huian.security.Masking;

/** JSON shapes of cases in {@code /api/cases}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CaseView {

  private CaseView() {}

  public record UnitRef(String code, String name) {}

  /** The answer to an intake and an entry of a list; the reporter's phone is masked. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Summary(
      String caseNo, String status, String level, UnitRef unit, String complexity, Instant deadline,
      String sla, String category, String categoryName, String channel, String title,
      String streetCode, String communityCode, String gridId, Instant createdAt, Reporter reporter,
      String processInstanceId) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Reporter(String name, String phone, boolean anonymous) {}

  public record Party(Long id, String role, String kind, String name, String phone) {}

  public record Event(String type, Instant time, String level, UnitRef unit, String actor, String note) {}

  /** One case in full, for a user whose unit may see it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Detail(
      String caseNo, String externalRef, String status, String level, UnitRef unit, String complexity,
      Instant deadline, String sla, String category, String categoryName, String channel, String title,
      String description, Location location, Reporter reporter, List<Party> parties,
      int peopleInvolved, BigDecimal amountInvolved, boolean crossRegion, boolean crossDepartment,
      int reopenCount, String processInstanceId, Instant createdAt, Instant closedAt, List<Event> timeline,
      Decisions decisions) implements org.huian.security.ShowsPersonalNumbers {

    @Override
    public String accessLogCaseNo() {
      return caseNo;
    }

    /** The reporter's and the parties' phones, shown in full to the case's units (docs/privacy.md). */
    @Override
    public List<String> unmaskedNumberFields() {
      List<String> fields = new java.util.ArrayList<>();
      if (reporter != null && reporter.phone() != null) {
        fields.add("reporter.phone");
      }
      for (Party p : parties == null ? List.<Party>of() : parties) {
        if (p.phone() != null) {
          fields.add("parties[" + p.id() + "].phone");
        }
      }
      return fields;
    }
  }

  /** The deployed version of a rule that decided for the case (its latest evaluation). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DecisionRef(String key, String definitionId, int version, String versionTag, String tenantId,
      String level, String result, Instant evaluatedAt) {}

  /** Which versions of case-routing, case-deadlines and case-dispatch decided last, and every evaluation. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Decisions(DecisionRef routing, DecisionRef deadline, DecisionRef dispatch, List<DecisionRef> history) {}

  public record Location(String streetCode, String communityCode, String gridId, String address, Double lat, Double lon) {}

  public record Page(List<Summary> items, int page, int size, long total) {}

  static UnitRef unit(Geography geography, String code) {
    return code == null ? null : geography.find(code).map(u -> new UnitRef(u.code(), u.name())).orElse(new UnitRef(code, code));
  }

  static Summary summary(CaseRow c, Geography geography) {
    return new Summary(c.caseNo(), c.status().name(), c.level(), unit(geography, c.unitCode()),
        c.complexity() == null ? null : c.complexity().name(), c.deadline(), c.sla().name(),
        c.category().name(), c.category().nameZh(), c.channel().name(), c.title(),
        c.streetCode(), c.communityCode(), c.gridId(), c.createdAt(),
        c.reporterAnonymous() ? new Reporter(null, null, true)
            : new Reporter(Masking.name(c.reporterName()), Masking.phone(c.reporterPhone()), false),
        c.processInstanceId());
  }

  static Decisions decisions(List<CaseDecision> all) {
    java.util.function.Function<String, DecisionRef> latest = key -> {
      for (int i = all.size() - 1; i >= 0; i--) {
        if (all.get(i).decisionKey().equals(key)) {
          return ref(all.get(i));
        }
      }
      return null;
    };
    return new Decisions(latest.apply(CaseDecisionTrail.ROUTING), latest.apply(CaseDecisionTrail.DEADLINES),
        latest.apply(CaseDecisionTrail.DISPATCH), all.stream().map(CaseView::ref).toList());
  }

  private static DecisionRef ref(CaseDecision d) {
    return new DecisionRef(d.decisionKey(), d.definitionId(), d.version(), d.versionTag(), d.tenantId(), d.level(),
        d.result(), d.evaluatedAt());
  }

  static Detail detail(CaseRow c, List<StoredParty> parties, List<CaseEvent> events, List<CaseDecision> decisions,
      Geography geography) {
    return new Detail(c.caseNo(), c.externalRef(), c.status().name(), c.level(), unit(geography, c.unitCode()),
        c.complexity() == null ? null : c.complexity().name(), c.deadline(), c.sla().name(),
        c.category().name(), c.category().nameZh(), c.channel().name(), c.title(), c.description(),
        new Location(c.streetCode(), c.communityCode(), c.gridId(), c.address(), c.lat(), c.lon()),
        c.reporterAnonymous() ? new Reporter(null, null, true) : new Reporter(c.reporterName(), c.reporterPhone(), false),
        parties.stream().map(p -> new Party(p.id(), p.role().name(), p.kind().name(), p.name(), p.phone())).toList(),
        c.peopleInvolved(), c.amountInvolved(), c.crossRegion(), c.crossDepartment(), c.reopenCount(),
        c.processInstanceId(), c.createdAt(), c.closedAt(),
        events.stream().map(e -> new Event(e.type().name(), e.time(), e.level(), unit(geography, e.unitCode()), e.actor(), e.note())).toList(),
        decisions(decisions));
  }
}
