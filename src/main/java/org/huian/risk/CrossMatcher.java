package org.huian.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huian.cases.CaseReceived;
import org.huian.cases.CaseRow;
import org.huian.cases.PartyRole;
import org.huian.cases.StoredParty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cross-matching (数据碰撞): recognises one subject across cases and grid reports through the
 * normalised keys of {@link SubjectKeys}, and raises a linked-risk cluster (关联风险) when one
 * subject gathers {@code huian.risk.cluster.min-items} complaints within
 * {@code huian.risk.cluster.window}.
 *
 * <p>The keys of an item are stored in the item's own transaction; the matching runs after the
 * commit in a transaction of its own, so a failure there never loses a case or report, and the
 * next item sharing a key matches the whole group again. Items are linked when they share any
 * key (transitively: a name in one and a phone in the next); a cluster needs
 * {@code min-items} items of the group within one window.
 */
@Component
public class CrossMatcher {

  private static final Logger log = LoggerFactory.getLogger(CrossMatcher.class);
  static final String CASE = "CASE";
  static final String REPORT = "REPORT";
  /** The most items one walk visits: far more than a cluster needs, and a bound on the cost of one match. */
  static final int GROUP_CAP = 200;

  /** After its commit, the item's subject is matched against the others. */
  public record ItemRecorded(String itemKind, String itemRef) {}

  record Item(String kind, String ref, Instant at, String street, String community, String grid) {}

  private final JdbcClient jdbc;
  private final RiskRepository repository;
  private final RiskProperties properties;
  private final TransactionTemplate ownTransaction;
  private final org.springframework.context.ApplicationEventPublisher events;

  CrossMatcher(JdbcClient jdbc, RiskRepository repository, RiskProperties properties,
      PlatformTransactionManager transactions, org.springframework.context.ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.repository = repository;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.events = events;
  }

  /** A new case: its respondents (name, phone) and its address are its subject. */
  @EventListener
  public void onCaseReceived(CaseReceived event) {
    CaseRow c = event.row();
    List<SubjectKeys.Key> keys = new ArrayList<>();
    for (StoredParty p : event.parties()) {
      if (p.role() == PartyRole.RESPONDENT) {
        keys.addAll(SubjectKeys.of(p.kind() == org.huian.cases.PartyKind.ORGANISATION ? p.name() : null, null, p.phone(), null));
      }
    }
    keys.addAll(SubjectKeys.of(null, null, null, c.address()));
    record(new Item(CASE, c.caseNo(), c.createdAt(), c.streetCode(), c.communityCode(), c.gridId()), keys);
  }

  /** Stores the keys of an item (in the caller's transaction) and matches it after the commit. */
  void record(Item item, List<SubjectKeys.Key> keys) {
    Set<String> seen = new HashSet<>();
    for (SubjectKeys.Key k : keys) {
      if (seen.add(k.kind() + "|" + k.value())) {
        jdbc.sql("""
            INSERT INTO subject_keys (key_kind, key_value, item_kind, item_ref, occurred_at, street_code, community_code, grid_id, label)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(k.kind().name(), k.value(), item.kind(), item.ref(), RiskRepository.ts(item.at()), item.street(),
                item.community(), item.grid(), k.label().length() > 300 ? k.label().substring(0, 300) : k.label())
            .update();
      }
    }
    if (!seen.isEmpty()) {
      events.publishEvent(new ItemRecorded(item.kind(), item.ref()));
    }
  }

  @TransactionalEventListener
  public void afterCommit(ItemRecorded event) {
    try {
      ownTransaction.executeWithoutResult(s -> match(event.itemKind(), event.itemRef()));
    } catch (RuntimeException e) {
      // the keys are stored: the next item sharing one matches this group again
      log.warn("cross-matching of {} {} failed: {}", event.itemKind(), event.itemRef(), e.toString());
    }
  }

  /**
   * Finds the group of items linked to this one within the window around it and, when it is
   * large enough, creates or extends the open cluster of that group.
   *
   * @return the cluster number, when the item belongs to one
   */
  public synchronized Optional<String> match(String itemKind, String itemRef) {
    Duration window = properties.cluster().window();
    List<Item> start = items("item_kind = ? AND item_ref = ?", List.of(itemKind, itemRef), 1);
    if (start.isEmpty()) {
      return Optional.empty();
    }
    Item item = start.get(0);
    Instant anchor = item.at();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    // an open cluster recognised by one of this item's keys, still active within the window: join it
    List<String> joined = jdbc.sql("""
        SELECT DISTINCT rk.cluster_no FROM subject_keys k
          JOIN risk_cluster_keys rk ON rk.key_kind = k.key_kind AND rk.key_value = k.key_value
          JOIN risk_clusters c ON c.cluster_no = rk.cluster_no
        WHERE k.item_kind = ? AND k.item_ref = ? AND c.status = 'OPEN' AND c.last_at >= ? AND c.first_at <= ?
        ORDER BY rk.cluster_no""")
        .params(itemKind, itemRef, RiskRepository.ts(anchor.minus(window)), RiskRepository.ts(anchor.plus(window)))
        .query(String.class).list();
    if (!joined.isEmpty()) {
      String clusterNo = joined.get(0);
      addItems(clusterNo, List.of(item), itemKeys(item), now);
      return Optional.of(clusterNo);
    }
    // otherwise walk the items linked through shared keys within the window around this one; the walk
    // stops at GROUP_CAP items, far more than any cluster needs to be recognised
    Instant from = anchor.minus(window);
    Instant to = anchor.plus(window);
    Map<String, Item> group = new LinkedHashMap<>();
    Map<String, String[]> sharedKeys = new LinkedHashMap<>();
    Deque<Item> queue = new ArrayDeque<>(List.of(item));
    group.put(id(item), item);
    while (!queue.isEmpty() && group.size() < GROUP_CAP) {
      Item next = queue.pop();
      for (String[] k : itemKeys(next)) {
        List<Item> sharing = items("key_kind = ? AND key_value = ? AND occurred_at BETWEEN ? AND ?",
            List.of(k[0], k[1], RiskRepository.ts(from), RiskRepository.ts(to)), GROUP_CAP);
        if (sharing.size() > 1) {
          sharedKeys.putIfAbsent(k[0] + "|" + k[1], k);
        }
        for (Item other : sharing) {
          if (group.size() < GROUP_CAP && group.putIfAbsent(id(other), other) == null) {
            queue.add(other);
          }
        }
      }
    }
    log.debug("cross-matching {} {}: group of {} linked items", itemKind, itemRef, group.size());
    if (densest(group.values(), window) < properties.cluster().minItems()) {
      return Optional.empty();
    }
    String clusterNo = "RC" + String.format("%08d", repository.nextClusterSequence());
    String label = sharedKeys.values().stream().findFirst().map(CrossMatcher::labelOf).orElse("关联对象");
    jdbc.sql("""
        INSERT INTO risk_clusters (cluster_no, label, matched_keys, item_count, street_code, first_at, last_at, status, created_at, updated_at)
        VALUES (?, ?, '', 0, ?, ?, ?, 'OPEN', ?, ?)""")
        .params(clusterNo, clip(label, 300), mostCommonStreet(group.values()), RiskRepository.ts(anchor), RiskRepository.ts(anchor),
            RiskRepository.ts(now), RiskRepository.ts(now))
        .update();
    addItems(clusterNo, group.values(), new ArrayList<>(sharedKeys.values()), now);
    log.info("linked-risk cluster {} raised: {} items, {}", clusterNo, group.size(), label);
    return Optional.of(clusterNo);
  }

  /** Adds items and the keys that linked them to a cluster, and refreshes its counts and key text. */
  private void addItems(String clusterNo, java.util.Collection<Item> items, List<String[]> keys, Instant now) {
    for (Item i : items) {
      boolean present = jdbc.sql("SELECT COUNT(*) FROM risk_cluster_items WHERE cluster_no = ? AND item_kind = ? AND item_ref = ?")
          .params(clusterNo, i.kind(), i.ref()).query(Long.class).single() > 0;
      if (!present) {
        jdbc.sql("INSERT INTO risk_cluster_items (cluster_no, item_kind, item_ref, occurred_at, street_code, community_code, grid_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
            .params(clusterNo, i.kind(), i.ref(), RiskRepository.ts(i.at()), i.street(), i.community(), i.grid()).update();
      }
    }
    for (String[] k : keys) {
      boolean present = jdbc.sql("SELECT COUNT(*) FROM risk_cluster_keys WHERE cluster_no = ? AND key_kind = ? AND key_value = ?")
          .params(clusterNo, k[0], k[1]).query(Long.class).single() > 0;
      if (!present) {
        jdbc.sql("INSERT INTO risk_cluster_keys (cluster_no, key_kind, key_value, label) VALUES (?, ?, ?, ?)")
            .params(clusterNo, k[0], k[1], k[2]).update();
      }
    }
    String keysText = keysText(clusterNo);
    jdbc.sql("""
        UPDATE risk_clusters SET item_count = (SELECT COUNT(*) FROM risk_cluster_items WHERE cluster_no = ?),
          first_at = (SELECT MIN(occurred_at) FROM risk_cluster_items WHERE cluster_no = ?),
          last_at = (SELECT MAX(occurred_at) FROM risk_cluster_items WHERE cluster_no = ?),
          matched_keys = ?, updated_at = ? WHERE cluster_no = ?""")
        .params(clusterNo, clusterNo, clusterNo, clip(keysText, 2000), RiskRepository.ts(now), clusterNo).update();
  }

  private String keysText(String clusterNo) {
    return String.join("；", jdbc.sql(
            "SELECT key_kind, key_value, label FROM risk_cluster_keys WHERE cluster_no = ? ORDER BY key_kind, key_value")
        .param(clusterNo).query((rs, n) -> labelOf(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})).list());
  }

  /**
   * Rewrites a cluster's key text (and its label, when that key is gone) from the keys it still
   * has, after keys were removed (anonymisation): a masked phone in the text cannot be matched to
   * its number, so the text is rebuilt rather than searched. Counts and times stay; returns the
   * rows changed (0 when nothing differs, so a repeat changes nothing).
   */
  public int refreshKeyText(String clusterNo) {
    String text = keysText(clusterNo);
    List<String> segments = text.isEmpty() ? List.of() : List.of(text.split("；"));
    return jdbc.sql("SELECT label, matched_keys FROM risk_clusters WHERE cluster_no = ?").param(clusterNo)
        .query((rs, n) -> {
          String label = rs.getString(1);
          String newLabel = segments.contains(label) ? label : segments.isEmpty() ? "关联对象" : segments.get(0);
          String newText = clip(text, 2000);
          if (newLabel.equals(label) && newText.equals(rs.getString(2))) {
            return 0;
          }
          return jdbc.sql("UPDATE risk_clusters SET label = ?, matched_keys = ? WHERE cluster_no = ?")
              .params(clip(newLabel, 300), newText, clusterNo).update();
        }).optional().orElse(0);
  }

  /** An item's keys as {kind, value, label}. */
  private List<String[]> itemKeys(Item item) {
    return jdbc.sql("SELECT key_kind, key_value, label FROM subject_keys WHERE item_kind = ? AND item_ref = ?")
        .params(item.kind(), item.ref())
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
  }

  /** A key as shown in cluster labels, lists, reports and logs: a phone number is masked. */
  private static String labelOf(String[] key) {
    SubjectKeys.KeyKind kind = SubjectKeys.KeyKind.valueOf(key[0]);
    String shown = kind == SubjectKeys.KeyKind.PHONE ? org.huian.security.Masking.phone(key[2]) : key[2];
    return kind.nameZh() + "：" + shown;
  }

  /** The most items of the group that fall within one window. */
  static int densest(java.util.Collection<Item> items, Duration window) {
    List<Instant> times = items.stream().map(Item::at).sorted().toList();
    int best = 0;
    int left = 0;
    for (int right = 0; right < times.size(); right++) {
      while (Duration.between(times.get(left), times.get(right)).compareTo(window) > 0) {
        left++;
      }
      best = Math.max(best, right - left + 1);
    }
    return best;
  }

  private List<Item> items(String where, List<Object> args, int limit) {
    return jdbc.sql("SELECT DISTINCT item_kind, item_ref, occurred_at, street_code, community_code, grid_id FROM subject_keys WHERE "
            + where + " ORDER BY occurred_at, item_ref LIMIT " + limit)
        .params(args)
        .query((rs, n) -> new Item(rs.getString(1), rs.getString(2), RiskRepository.instant(rs, "occurred_at"),
            rs.getString(4), rs.getString(5), rs.getString(6)))
        .list();
  }

  private static String id(Item i) {
    return i.kind() + ":" + i.ref();
  }

  private static String mostCommonStreet(java.util.Collection<Item> items) {
    return items.stream().collect(Collectors.groupingBy(Item::street, Collectors.counting())).entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElseThrow();
  }

  private static String clip(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}
