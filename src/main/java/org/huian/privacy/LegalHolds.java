package org.huian.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.huian.mediation.JudicialKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A case under legal hold keeps its personal data: it has a judicial referral (司法确认 or 诉讼,
 * {@code judicial_referrals}) whose hold period ({@code huian.privacy.legal-hold}, three years by
 * default, counted from the referral date) has not ended. Huian learns nothing back from the
 * courts, so the referral counts as open for that long: the court may still ask for the file.
 */
@Component
class LegalHolds {

  private final JdbcClient jdbc;
  private final PrivacyProperties properties;

  LegalHolds(JdbcClient jdbc, PrivacyProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Referrals dated after this day still hold their case. */
  LocalDate holdsAfter(Instant now) {
    return LocalDate.ofInstant(now, properties.zone()).minus(properties.legalHold());
  }

  /** Why the case may not be anonymised now, in Chinese; empty when it is not held. */
  Optional<String> reason(String caseNo, Instant now) {
    LocalDate after = holdsAfter(now);
    return jdbc.sql("SELECT kind, court_station, referral_date FROM judicial_referrals WHERE case_no = ? ORDER BY referral_date DESC")
        .param(caseNo)
        .query((rs, n) -> {
          LocalDate date = rs.getObject(3, LocalDate.class);
          if (!date.isAfter(after)) {
            return null;
          }
          return "案件处于法律保留期：已" + JudicialKind.valueOf(rs.getString(1)).nameZh() + "（" + rs.getString(2) + "，"
              + date + "），保留至 " + date.plus(properties.legalHold()) + "，期间不能删除或匿名化个人信息";
        })
        .list().stream().filter(java.util.Objects::nonNull).findFirst();
  }

  /** The SQL condition (on {@code c.case_no}) that a case is not held; parameter {@code :holdsAfter}. */
  static String notHeld() {
    return "NOT EXISTS (SELECT 1 FROM judicial_referrals j WHERE j.case_no = c.case_no AND j.referral_date > :holdsAfter)";
  }
}
