package org.huian.geography;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;

/**
 * The unit tree of every district this installation serves: districts → streets (or towns) →
 * communities (or villages) → micro-grids. The units live in the {@code units} table and are
 * imported from files (docs/geography.md); this is the in-memory snapshot every capability reads,
 * replaced whole after an import (and on other nodes when they see the import), never changed in
 * place. Queries return active units only, except {@link #find}, which also finds a retired unit
 * so that the cases it still holds keep their names.
 *
 * <p>{@code new Geography()} gives the embedded default (Dongcheng, {@value #EMBEDDED_DEFAULT})
 * without a database, for tests that need a tree.
 */
public class Geography {

  /** The unit file used when {@code huian.geography.files} names none. */
  public static final String EMBEDDED_DEFAULT = "data/dongcheng/units.csv";

  private volatile Tree tree;

  /** The embedded default tree, read from the classpath (no database). */
  public Geography() {
    this(embeddedDefaultUnits(), Map.of());
  }

  public Geography(List<Unit> units, Map<String, String> casePrefixes) {
    this.tree = new Tree(units, casePrefixes);
  }

  /** Replaces the whole tree (after an import); readers see the old or the new one, never a mix. */
  public void replace(List<Unit> units, Map<String, String> casePrefixes) {
    this.tree = new Tree(units, casePrefixes);
  }

  public static List<Unit> embeddedDefaultUnits() {
    try (var in = new ClassPathResource(EMBEDDED_DEFAULT).getInputStream()) {
      UnitImport.Plan plan = UnitImport.plan(TableFile.read(in.readAllBytes(), "text/csv"), Map.of(), Map.of());
      return plan.created();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + EMBEDDED_DEFAULT, e);
    }
  }

  /** Changes (by identity) whenever the tree is replaced, for caches derived from it. */
  public Object version() {
    return tree;
  }

  public Optional<Unit> find(String code) {
    return Optional.ofNullable(code == null ? null : tree.units.get(code));
  }

  /** An active unit of the given level, if the code names one. */
  public Optional<Unit> findActive(String code, Level level) {
    return find(code).filter(u -> u.level() == level && !u.retired());
  }

  public Unit get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("unknown unit " + code));
  }

  /** Every active district, in file order. */
  public List<Unit> districts() {
    return all(Level.DISTRICT);
  }

  /** The district a unit belongs to (the unit itself for a district). */
  public Unit districtOf(Unit unit) {
    return tree.units.get(unit.districtCode());
  }

  public Optional<Unit> districtOf(String code) {
    return find(code).map(this::districtOf);
  }

  /** The prefix of the district's case numbers ({@code DC} for Dongcheng), unique over the installation. */
  public String casePrefix(String districtCode) {
    return tree.casePrefixes.getOrDefault(districtCode, UnitImport.derivedPrefix(districtCode));
  }

  /** Active children, in their file order. */
  public List<Unit> children(String code) {
    return Collections.unmodifiableList(tree.children.getOrDefault(code, List.of()));
  }

  public Unit parent(Unit unit) {
    return unit.parentCode() == null ? null : tree.units.get(unit.parentCode());
  }

  /** The unit itself and its ancestors up to the district, lowest first. */
  public List<Unit> lineage(Unit unit) {
    List<Unit> line = new ArrayList<>();
    for (Unit u = unit; u != null; u = parent(u)) {
      line.add(u);
    }
    return line;
  }

  /** The ancestor (or the unit itself) at the given level, if the unit lies at or below it. */
  public Optional<Unit> ancestorAt(Unit unit, Level level) {
    return lineage(unit).stream().filter(u -> u.level() == level).findFirst();
  }

  /** Every active unit of a level, district by district, each in tree order. */
  public List<Unit> all(Level level) {
    return tree.byLevel.get(level);
  }

  /** Every active unit of a level within one district. */
  public List<Unit> all(Level level, String districtCode) {
    return all(level).stream().filter(u -> u.districtCode().equals(districtCode)).toList();
  }

  /** Every unit, retired ones included, by code. */
  public Map<String, Unit> everything() {
    return Collections.unmodifiableMap(tree.units);
  }

  private static final class Tree {
    final Map<String, Unit> units = new LinkedHashMap<>();
    final Map<String, List<Unit>> children = new LinkedHashMap<>();
    final Map<Level, List<Unit>> byLevel = new EnumMap<>(Level.class);
    final Map<String, String> casePrefixes;

    Tree(List<Unit> all, Map<String, String> casePrefixes) {
      this.casePrefixes = Map.copyOf(casePrefixes);
      Comparator<Unit> order = Comparator.comparingInt(Unit::sort).thenComparing(Unit::code);
      List<Unit> sorted = new ArrayList<>(all);
      sorted.sort(order);
      for (Unit u : sorted) {
        units.put(u.code(), u);
      }
      List<Unit> roots = new ArrayList<>();
      for (Unit u : sorted) {
        if (u.retired()) {
          continue;
        }
        if (u.parentCode() == null) {
          roots.add(u);
        } else {
          children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
        }
      }
      for (Level level : Level.values()) {
        byLevel.put(level, new ArrayList<>());
      }
      roots.stream().filter(u -> u.level() == Level.DISTRICT).forEach(this::walk);
      byLevel.replaceAll((l, list) -> List.copyOf(list));
      children.replaceAll((c, list) -> List.copyOf(list));
    }

    private void walk(Unit unit) {
      byLevel.get(unit.level()).add(unit);
      for (Unit child : children.getOrDefault(unit.code(), List.of())) {
        walk(child);
      }
    }
  }
}
