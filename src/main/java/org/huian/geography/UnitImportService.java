package org.huian.geography;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a unit file: checks it whole ({@link UnitImport}), applies it in one transaction under
 * the {@code units} lock, replaces the {@link Geography} snapshot and tells the capabilities that
 * follow units ({@link UnitsChanged}). A refused file changes nothing.
 */
@Service
public class UnitImportService {

  private static final Logger log = LoggerFactory.getLogger(UnitImportService.class);

  private final UnitStore store;
  private final Geography geography;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;

  UnitImportService(UnitStore store, Geography geography, TransactionTemplate transaction, ApplicationEventPublisher events) {
    this.store = store;
    this.geography = geography;
    this.transaction = transaction;
    this.events = events;
  }

  public UnitImportResult importFile(byte[] bytes, String mediaType, String source) {
    List<UnitsChanged> changes = new java.util.ArrayList<>();
    UnitImportResult result = apply(store, transaction, bytes, mediaType, source, changes::add);
    reload(); // before the event: those who follow units read the new tree
    changes.forEach(events::publishEvent);
    return result;
  }

  /** Checks and applies a file in one transaction; hands a {@link UnitsChanged} to events (if given) when something changed. */
  static UnitImportResult apply(UnitStore store, TransactionTemplate transaction, byte[] bytes, String mediaType,
      String source, java.util.function.Consumer<UnitsChanged> events) {
    TableFile file = TableFile.read(bytes, mediaType);
    record Applied(UnitImport.Plan plan, Map<String, Unit> before) {}
    Applied applied = transaction.execute(status -> {
      store.lock();
      Map<String, Unit> before = new LinkedHashMap<>();
      store.all().forEach(u -> before.put(u.code(), u));
      UnitImport.Plan plan = UnitImport.plan(file, before, store.casePrefixes());
      Instant now = Instant.now();
      for (Unit u : plan.created()) {
        store.insert(u, u.level() == Level.DISTRICT ? plan.casePrefixes().get(u.code()) : null, now);
      }
      for (Unit u : plan.updated()) {
        store.update(u, now);
      }
      plan.casePrefixes().forEach((district, prefix) -> {
        if (before.containsKey(district)) {
          store.setCasePrefix(district, prefix, now);
        }
      });
      return new Applied(plan, before);
    });
    UnitImport.Plan plan = applied.plan();
    Set<String> districts = new LinkedHashSet<>();
    for (List<Unit> list : List.of(plan.created(), plan.updated(), plan.unchanged())) {
      list.forEach(u -> districts.add(u.districtCode()));
    }
    UnitImportResult result = new UnitImportResult(plan.created().size(), plan.updated().size(),
        plan.retired(applied.before()), plan.unchanged().size(), List.copyOf(districts));
    log.info("units imported from {}: {} created, {} updated ({} retired), {} unchanged, districts {}", source,
        result.created(), result.updated(), result.retired(), result.unchanged(), result.districts());
    if (events != null && (!plan.created().isEmpty() || !plan.updated().isEmpty())) {
      events.accept(new UnitsChanged(plan.created(), plan.updated()));
    }
    return result;
  }

  /** Reads the table again into the snapshot (after an import here or on another node). */
  public void reload() {
    geography.replace(store.all(), store.casePrefixes());
  }

  String version() {
    return store.version();
  }
}
