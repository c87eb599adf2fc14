package org.huian.geography;

import org.huian.problem.RowError;
import org.huian.problem.FileRejectedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a unit file against itself and the units already known, and plans what applying it would
 * create, update or leave unchanged. Pure: it reads nothing and writes nothing, so a file with one
 * bad row is refused whole before anything is stored.
 *
 * <p>Rules (docs/geography.md): codes are 12-digit statistical division codes, a 9-digit code is
 * padded with {@code 000}; a district's code ends in {@code 000000}, a street's (or town's) in
 * {@code 000}, a community's (or village's) does not; each unit's parent is of the level just
 * above and the child's code starts with the parent's prefix (6 digits of the district, 9 of the
 * street, the community's whole code and a dash for a grid). A grid without a code keeps the code
 * of the existing grid of that name under its community, or gets the next {@code <community>-NN}.
 */
public final class UnitImport {

  public static final List<String> REQUIRED = List.of("code", "name", "level", "parent_code");
  public static final List<String> OPTIONAL = List.of("short_name", "sort", "retired", "case_prefix");

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern GRID_CODE = Pattern.compile("[0-9A-Za-z-]{1,32}");
  private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,7}");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Co}\\p{Cn}]");

  /** What applying a file does, unit by unit. */
  public record Plan(List<Unit> created, List<Unit> updated, List<Unit> unchanged, Map<String, String> casePrefixes) {
    public int retired(Map<String, Unit> before) {
      return (int) updated.stream().filter(u -> u.retired() && before.containsKey(u.code()) && !before.get(u.code()).retired()).count();
    }
  }

  private UnitImport() {}

  /**
   * @param existing every unit already stored, by code
   * @param existingPrefixes the case-number prefix of every stored district, by district code
   */
  public static Plan plan(TableFile file, Map<String, Unit> existing, Map<String, String> existingPrefixes) {
    List<RowError> errors = new ArrayList<>(file.checkHeader(REQUIRED, OPTIONAL));
    if (!errors.isEmpty()) {
      throw new FileRejectedException("单位文件表头不正确", errors);
    }
    if (file.lines().isEmpty()) {
      throw new FileRejectedException("单位文件没有数据行", List.of(new RowError(2, "file", "文件只有表头，没有单位")));
    }
    record Parsed(int row, String code, String name, Level level, String parent, String shortName, int sort,
        boolean retired, String prefix, boolean generated) {}

    List<Parsed> parsed = new ArrayList<>();
    Map<String, Integer> rowOfCode = new HashMap<>();
    Map<String, Parsed> byCode = new LinkedHashMap<>();
    // first pass: every row on its own
    for (TableFile.Line line : file.lines()) {
      int row = line.number();
      if (line.values().containsKey("")) {
        errors.add(new RowError(row, "file", "该行的列数多于表头"));
      }
      Level level = level(line.get("level"));
      if (level == null) {
        errors.add(new RowError(row, "level", "级别须为 DISTRICT、STREET、COMMUNITY 或 GRID，而不是“" + clip(line.get("level")) + "”"));
        continue;
      }
      String name = line.get("name");
      if (name.isEmpty()) {
        errors.add(new RowError(row, "name", "名称不能为空"));
      } else if (name.length() > 100 || CONTROL.matcher(name).find()) {
        errors.add(new RowError(row, "name", "名称过长（最多 100 字）或含控制字符"));
      }
      String shortName = line.get("short_name");
      if (shortName.length() > 60 || CONTROL.matcher(shortName).find()) {
        errors.add(new RowError(row, "short_name", "简称过长（最多 60 字）或含控制字符"));
      }
      int sort = 0;
      if (!line.get("sort").isEmpty()) {
        try {
          sort = Integer.parseInt(line.get("sort"));
          if (sort < 0) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          errors.add(new RowError(row, "sort", "排序须为非负整数"));
        }
      }
      Boolean retired = bool(line.get("retired"));
      if (retired == null) {
        errors.add(new RowError(row, "retired", "retired 须为 true 或 false"));
        retired = false;
      }
      String prefix = line.get("case_prefix").toUpperCase(Locale.ROOT);
      if (!prefix.isEmpty()) {
        if (level != Level.DISTRICT) {
          errors.add(new RowError(row, "case_prefix", "案件编号前缀只能写在区（DISTRICT）一行"));
        } else if (!PREFIX.matcher(prefix).matches()) {
          errors.add(new RowError(row, "case_prefix", "案件编号前缀须为 1–8 位大写字母或数字，以字母开头"));
        }
      }
      String parent = padded(line.get("parent_code"));
      String code = line.get("code");
      boolean generated = false;
      if (level == Level.GRID) {
        if (code.isEmpty()) {
          generated = true;
        } else if (!GRID_CODE.matcher(code).matches()) {
          errors.add(new RowError(row, "code", "网格编码只能由字母、数字和“-”组成，最长 32 位"));
          continue;
        }
      } else {
        if (!DIGITS.matcher(code).matches() || (code.length() != 9 && code.length() != 12)) {
          errors.add(new RowError(row, "code", "代码须为 9 位或 12 位统计用区划代码，而不是“" + clip(code) + "”"));
          continue;
        }
        code = padded(code);
        String shapeError = shape(code, level);
        if (shapeError != null) {
          errors.add(new RowError(row, "level", shapeError));
          continue;
        }
      }
      if (level == Level.DISTRICT && !parent.isEmpty()) {
        errors.add(new RowError(row, "parent_code", "区（DISTRICT）没有上级单位，parent_code 须为空"));
      } else if (level != Level.DISTRICT && parent.isEmpty()) {
        errors.add(new RowError(row, "parent_code", "缺少上级单位代码"));
      }
      Parsed p = new Parsed(row, code, name, level, parent, shortName, sort, retired, prefix, generated);
      if (generated) {
        parsed.add(p);
        continue;
      }
      Integer first = rowOfCode.putIfAbsent(code, row);
      if (first != null) {
        errors.add(new RowError(row, "code", "代码 " + code + " 重复（与第 " + first + " 行相同）"));
        continue;
      }
      Unit known = existing.get(code);
      if (known != null && known.level() != level) {
        errors.add(new RowError(row, "level", "代码 " + code + " 已登记为" + known.level().nameZh() + "级，不能改为" + level.nameZh() + "级"));
        continue;
      }
      parsed.add(p);
      byCode.put(code, p);
    }

    // second pass: parents, prefixes, grid codes
    Map<String, Integer> nextGrid = new HashMap<>();
    Map<String, String> gridByParentAndName = new HashMap<>();
    for (Unit u : existing.values()) {
      if (u.level() == Level.GRID) {
        gridByParentAndName.put(u.parentCode() + "\u0000" + u.name(), u.code());
        note(nextGrid, u.parentCode(), u.code());
      }
    }
    for (Parsed p : byCode.values()) {
      if (p.level() == Level.GRID) {
        gridByParentAndName.put(p.parent() + "\u0000" + p.name(), p.code());
        note(nextGrid, p.parent(), p.code());
      }
    }
    List<Unit> planned = new ArrayList<>();
    Set<String> plannedCodes = new HashSet<>(byCode.keySet());
    for (Parsed p : parsed) {
      if (p.level() == Level.DISTRICT) {
        planned.add(new Unit(p.code(), p.name(), p.level(), null, p.code(), p.shortName(), p.sort(), p.retired()));
        continue;
      }
      Level parentLevel = byCode.containsKey(p.parent()) ? byCode.get(p.parent()).level()
          : existing.containsKey(p.parent()) ? existing.get(p.parent()).level() : null;
      if (parentLevel == null) {
        if (!p.parent().isEmpty()) {
          errors.add(new RowError(p.row(), "parent_code", "上级单位 " + clip(p.parent()) + " 既不在文件中，也未登记"));
        }
        continue;
      }
      if (parentLevel != p.level().up()) {
        errors.add(new RowError(p.row(), "parent_code", p.level().nameZh() + "级单位的上级须为" + p.level().up().nameZh()
            + "级，而 " + p.parent() + " 是" + parentLevel.nameZh() + "级"));
        continue;
      }
      String code = p.code();
      if (p.generated()) {
        code = gridByParentAndName.get(p.parent() + "\u0000" + p.name());
        if (code == null || plannedCodes.contains(code) && byCode.containsKey(code)) {
          int n = nextGrid.merge(p.parent(), 1, Integer::sum);
          code = p.parent() + "-" + String.format("%02d", n);
          while (plannedCodes.contains(code) || existing.containsKey(code)) {
            n = nextGrid.merge(p.parent(), 1, Integer::sum);
            code = p.parent() + "-" + String.format("%02d", n);
          }
        }
        gridByParentAndName.putIfAbsent(p.parent() + "\u0000" + p.name(), code);
        if (!plannedCodes.add(code)) {
          errors.add(new RowError(p.row(), "name", "同一社区下有重名网格“" + clip(p.name()) + "”"));
          continue;
        }
      }
      if (!withinPrefix(code, p.level(), p.parent())) {
        errors.add(new RowError(p.row(), "code", "代码 " + code + " 不在上级单位 " + p.parent() + " 的代码范围内"));
        continue;
      }
      planned.add(new Unit(code, p.name(), p.level(), p.parent(), null, p.shortName(), p.sort(), p.retired()));
    }

    // case-number prefixes: one per district, unique over the installation
    Map<String, String> prefixes = new LinkedHashMap<>(existingPrefixes);
    Map<String, Integer> prefixRow = new HashMap<>();
    for (Parsed p : parsed) {
      if (p.level() == Level.DISTRICT) {
        String prefix = !p.prefix().isEmpty() ? p.prefix()
            : existingPrefixes.getOrDefault(p.code(), derivedPrefix(p.code()));
        prefixes.put(p.code(), prefix);
        prefixRow.put(p.code(), p.row());
      }
    }
    Map<String, String> ownerOfPrefix = new HashMap<>();
    for (Map.Entry<String, String> e : prefixes.entrySet()) {
      String other = ownerOfPrefix.putIfAbsent(e.getValue(), e.getKey());
      if (other != null) {
        int row = prefixRow.getOrDefault(e.getKey(), prefixRow.getOrDefault(other, 2));
        errors.add(new RowError(row, "case_prefix", "案件编号前缀 " + e.getValue() + " 已被区 " + other + " 使用"));
      }
    }

    // the tree after the import: districts of every unit, no active unit under a retired one
    Map<String, Unit> after = new LinkedHashMap<>(existing);
    planned.forEach(u -> after.put(u.code(), u));
    Map<String, Integer> rowOf = new HashMap<>();
    for (Parsed p : parsed) {
      if (!p.generated()) {
        rowOf.put(p.code(), p.row());
      }
    }
    List<Unit> resolved = new ArrayList<>();
    for (Unit u : planned) {
      String district = districtOf(u, after);
      Unit parent = u.parentCode() == null ? null : after.get(u.parentCode());
      int row = rowOf.getOrDefault(u.code(), 0);
      if (!u.retired() && parent != null && parent.retired()) {
        errors.add(new RowError(row, "retired", "上级单位 " + parent.code() + " 已撤销，其下属单位也须撤销（retired=true）"));
      }
      resolved.add(new Unit(u.code(), u.name(), u.level(), u.parentCode(), district, u.shortName(), u.sort(), u.retired()));
    }
    if (!errors.isEmpty()) {
      errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
      throw new FileRejectedException("单位文件有 " + errors.size() + " 处错误，未导入任何内容", errors);
    }

    List<Unit> created = new ArrayList<>();
    List<Unit> updated = new ArrayList<>();
    List<Unit> unchanged = new ArrayList<>();
    for (Unit u : resolved) {
      Unit known = existing.get(u.code());
      if (known == null) {
        created.add(u);
      } else if (known.equals(u)) {
        unchanged.add(u);
      } else {
        updated.add(u);
      }
    }
    Map<String, String> changedPrefixes = new LinkedHashMap<>();
    prefixes.forEach((d, p) -> {
      if (!p.equals(existingPrefixes.get(d))) {
        changedPrefixes.put(d, p);
      }
    });
    return new Plan(created, updated, unchanged, changedPrefixes);
  }

  /** Prefix of case numbers when the file names none: {@code C} and the district's 6-digit code. */
  public static String derivedPrefix(String districtCode) {
    return "C" + districtCode.substring(0, 6);
  }

  static String padded(String code) {
    return code.length() == 9 && DIGITS.matcher(code).matches() ? code + "000" : code;
  }

  private static String shape(String code, Level level) {
    boolean districtShape = code.endsWith("000000");
    boolean streetShape = !districtShape && code.endsWith("000");
    return switch (level) {
      case DISTRICT -> districtShape ? null : "区（DISTRICT）的代码须以 000000 结尾：" + code;
      case STREET -> streetShape ? null : "街道/乡镇（STREET）的代码须为 9 位代码加 000：" + code;
      case COMMUNITY -> !districtShape && !streetShape ? null : "社区/村（COMMUNITY）的代码末三位不能是 000：" + code;
      case GRID -> null;
    };
  }

  private static boolean withinPrefix(String code, Level level, String parent) {
    return switch (level) {
      case STREET -> code.regionMatches(0, parent, 0, 6);
      case COMMUNITY -> code.regionMatches(0, parent, 0, 9);
      case GRID -> code.startsWith(parent + "-") && code.length() > parent.length() + 1;
      case DISTRICT -> true;
    };
  }

  private static String districtOf(Unit unit, Map<String, Unit> all) {
    Unit u = unit;
    for (int i = 0; i < 5 && u != null; i++) {
      if (u.level() == Level.DISTRICT) {
        return u.code();
      }
      u = u.parentCode() == null ? null : all.get(u.parentCode());
    }
    throw new IllegalStateException("unit " + unit.code() + " has no district");
  }

  private static void note(Map<String, Integer> next, String parent, String code) {
    String prefix = parent + "-";
    if (code.startsWith(prefix) && DIGITS.matcher(code.substring(prefix.length())).matches()) {
      int n = Integer.parseInt(code.substring(prefix.length()));
      next.merge(parent, n, Math::max);
    }
  }

  private static Level level(String value) {
    try {
      return Level.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Boolean bool(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "", "false", "0", "no", "否" -> false;
      case "true", "1", "yes", "是" -> true;
      default -> null;
    };
  }

  static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
