package org.huian.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code privacy_access_log}: every view of an unmasked phone or ID number (a case's or grid
 * report's detail, a rights export), who, when, which case, which field. Kept {@code huian.privacy.access-log} (three
 * years), then deleted by the retention job. It holds no number itself.
 */
@Repository
public class AccessLog {

  public enum Purpose { CASE_DETAIL, EXPORT }

  public record Entry(long id, Instant accessedAt, String actor, String caseNo, String itemRef, String field, String purpose,
      String request) {}

  public record Page(List<Entry> items, int page, int size, long total) {}

  /** The filter of a query; null fields match everything. */
  record Filter(String caseNo, String itemRef, String actor, String purpose, Instant from, Instant to) {}

  private final JdbcClient jdbc;

  AccessLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String actor, String caseNo, String itemRef, String field, Purpose purpose, String request) {
    jdbc.sql("INSERT INTO privacy_access_log (accessed_at, actor, case_no, item_ref, field, purpose, request) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(PrivacyRuns.ts(RetentionJob.now()), actor, caseNo, itemRef, field, purpose.name(),
            request == null ? null : request.substring(0, Math.min(200, request.length())))
        .update();
  }

  Page find(Filter f, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    List<Object> args = new ArrayList<>();
    if (f.caseNo() != null) {
      where.append(" AND case_no = ?");
      args.add(f.caseNo());
    }
    if (f.itemRef() != null) {
      where.append(" AND item_ref = ?");
      args.add(f.itemRef());
    }
    if (f.actor() != null) {
      where.append(" AND actor = ?");
      args.add(f.actor());
    }
    if (f.purpose() != null) {
      where.append(" AND purpose = ?");
      args.add(f.purpose());
    }
    if (f.from() != null) {
      where.append(" AND accessed_at >= ?");
      args.add(PrivacyRuns.ts(f.from()));
    }
    if (f.to() != null) {
      where.append(" AND accessed_at < ?");
      args.add(PrivacyRuns.ts(f.to()));
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM privacy_access_log" + where).params(args).query(Long.class).single();
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(size);
    pageArgs.add((long) page * size);
    List<Entry> items = jdbc.sql("SELECT * FROM privacy_access_log" + where + " ORDER BY accessed_at DESC, id DESC LIMIT ? OFFSET ?")
        .params(pageArgs)
        .query((rs, n) -> new Entry(rs.getLong("id"), PrivacyRuns.instant(rs, "accessed_at"), rs.getString("actor"),
            rs.getString("case_no"), rs.getString("item_ref"), rs.getString("field"), rs.getString("purpose"), rs.getString("request")))
        .list();
    return new Page(items, page, size, total);
  }
}
