package org.huian.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.huian.config.TextRules;
import org.huian.problem.FileRejectedException;
import org.huian.geography.Geography;
import org.huian.problem.RowError;
import org.huian.geography.TableFile;
import org.huian.geography.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a staff file ({@code username,name,unit_code,role,phone,email} and optional
 * {@code password}, {@code retired}): creates or updates the Camunda users and their memberships
 * in unit groups, which carry every authorization the seeded users have. One person may have
 * several rows (several roles or units). A new user without a password gets a random one, shown
 * once in the answer. A file with one bad row is refused whole; a retired person loses their unit
 * memberships and keeps their history. Memberships in groups that are not unit groups (such as
 * camunda-admin or the city centre) are never touched.
 */
@Service
public class StaffImportService {

  private static final Logger log = LoggerFactory.getLogger(StaffImportService.class);
  static final List<String> REQUIRED = List.of("username", "name", "unit_code", "role", "phone", "email");
  static final List<String> OPTIONAL = List.of("password", "retired");
  private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,20}");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Co}\\p{Cn}]");
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What an import did; {@code passwords} lists the generated passwords, shown only in this answer. */
  public record Result(int created, int updated, int unchanged, int retired, List<IssuedPassword> passwords) {}

  public record IssuedPassword(String username, String password) {}

  private record Person(String username, String name, Set<String> groups, Set<String> units, Set<String> roles,
      String phone, String email, String password, boolean retired, int row) {}

  private final IdentityService identity;
  private final Geography geography;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  StaffImportService(IdentityService identity, Geography geography, JdbcClient jdbc, TransactionTemplate transaction) {
    this.identity = identity;
    this.geography = geography;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  public Result importFile(byte[] bytes, String mediaType) {
    if (identity.isReadOnly()) {
      throw new FileRejectedException("当前使用目录服务（LDAP）登录，人员由目录维护，不能导入",
          List.of(new RowError(0, "file", "当前使用目录服务（LDAP）登录，人员由目录维护，不能导入")));
    }
    TableFile file = TableFile.read(bytes, mediaType);
    Map<String, Person> people = check(file);
    return transaction.execute(status -> {
      jdbc.sql("SELECT name FROM huian_lock WHERE name = 'identity-setup' FOR UPDATE").query(String.class).single();
      Set<String> unitGroups = new HashSet<>();
      identity.createGroupQuery().groupType(IdentitySetup.UNIT_GROUP_TYPE).list().forEach(g -> unitGroups.add(g.getId()));
      int created = 0;
      int updated = 0;
      int unchanged = 0;
      int retired = 0;
      List<IssuedPassword> issued = new ArrayList<>();
      Instant now = Instant.now();
      for (Person p : people.values()) {
        User user = identity.createUserQuery().userId(p.username()).singleResult();
        boolean changed = false;
        boolean isNew = user == null;
        if (isNew) {
          user = identity.newUser(p.username());
          String password = p.password() != null ? p.password() : randomPassword();
          if (p.password() == null) {
            issued.add(new IssuedPassword(p.username(), password));
          }
          user.setPassword(password);
        } else if (p.password() != null && !identity.checkPassword(p.username(), p.password())) {
          user.setPassword(p.password());
          changed = true;
        }
        // Tasklist shows "first last": the person's name and their (first) unit
        String lastName = geography.find(p.units().iterator().next()).map(Unit::shortName).orElse("");
        if (isNew || !Objects.equals(user.getFirstName(), p.name()) || !Objects.equals(user.getLastName(), lastName)
            || !Objects.equals(blank(user.getEmail()), p.email())) {
          user.setFirstName(p.name());
          user.setLastName(lastName);
          user.setEmail(p.email());
          changed = true;
        }
        if (isNew || changed) {
          identity.saveUser(user);
        }
        Set<String> current = new HashSet<>();
        for (Group g : identity.createGroupQuery().groupMember(p.username()).list()) {
          if (unitGroups.contains(g.getId())) {
            current.add(g.getId());
          }
        }
        Set<String> wanted = p.retired() ? Set.of() : p.groups();
        for (String g : current) {
          if (!wanted.contains(g)) {
            identity.deleteMembership(p.username(), g);
            changed = true;
          }
        }
        for (String g : wanted) {
          if (!current.contains(g)) {
            identity.createMembership(p.username(), g);
            changed = true;
          }
        }
        changed |= store(p, now);
        if (isNew) {
          created++;
        } else if (changed) {
          updated++;
          if (p.retired() && !current.isEmpty()) {
            retired++;
          }
        } else {
          unchanged++;
        }
      }
      log.info("staff imported: {} created, {} updated ({} retired), {} unchanged", created, updated, retired, unchanged);
      return new Result(created, updated, unchanged, retired, issued);
    });
  }

  /** Writes the staff row; answers whether it changed. */
  private boolean store(Person p, Instant now) {
    String units = String.join(",", p.units());
    String roles = String.join(",", p.roles());
    List<Map<String, Object>> rows = jdbc.sql("SELECT name, unit_codes, roles, phone, email, retired FROM staff WHERE username = ?")
        .param(p.username()).query().listOfRows();
    if (rows.isEmpty()) {
      jdbc.sql("INSERT INTO staff (username, name, unit_codes, roles, phone, email, retired, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(p.username(), p.name(), units, roles, p.phone(), p.email(), p.retired(), Timestamp.from(now)).update();
      return true;
    }
    Map<String, Object> r = lower(rows.get(0));
    boolean same = Objects.equals(r.get("name"), p.name()) && Objects.equals(r.get("unit_codes"), units)
        && Objects.equals(r.get("roles"), roles) && Objects.equals(r.get("phone"), p.phone())
        && Objects.equals(r.get("email"), p.email()) && Objects.equals(r.get("retired"), p.retired());
    if (!same) {
      jdbc.sql("UPDATE staff SET name = ?, unit_codes = ?, roles = ?, phone = ?, email = ?, retired = ?, updated_at = ? WHERE username = ?")
          .params(p.name(), units, roles, p.phone(), p.email(), p.retired(), Timestamp.from(now), p.username()).update();
    }
    return !same;
  }

  private static Map<String, Object> lower(Map<String, Object> row) {
    Map<String, Object> m = new LinkedHashMap<>();
    row.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
    return m;
  }

  /** Every row checked against the unit tree; any error refuses the whole file. */
  private Map<String, Person> check(TableFile file) {
    List<RowError> errors = new ArrayList<>(file.checkHeader(REQUIRED, OPTIONAL));
    if (!errors.isEmpty()) {
      throw new FileRejectedException("人员文件表头不正确", errors);
    }
    if (file.lines().isEmpty()) {
      throw new FileRejectedException("人员文件没有数据行", List.of(new RowError(2, "file", "文件只有表头，没有人员")));
    }
    Map<String, Person> people = new LinkedHashMap<>();
    for (TableFile.Line line : file.lines()) {
      int row = line.number();
      int before = errors.size();
      if (line.values().containsKey("")) {
        errors.add(new RowError(row, "file", "该行的列数多于表头"));
      }
      String username = line.get("username");
      if (!USERNAME.matcher(username).matches()) {
        errors.add(new RowError(row, "username", "用户名须为 1–64 位字母、数字或 ._-，以字母或数字开头"));
      }
      String name = line.get("name");
      if (name.isEmpty() || name.length() > 50 || CONTROL.matcher(name).find()) {
        errors.add(new RowError(row, "name", "姓名不能为空，最多 50 字，不含控制字符"));
      }
      Unit unit = geography.find(line.get("unit_code")).orElse(null);
      if (unit == null) {
        errors.add(new RowError(row, "unit_code", "单位未登记：" + clip(line.get("unit_code"))));
      } else if (unit.retired()) {
        errors.add(new RowError(row, "unit_code", "单位已撤销：" + unit.name()));
        unit = null;
      }
      StaffRole role = null;
      try {
        role = StaffRole.valueOf(line.get("role").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new RowError(row, "role", "未知的岗位：" + clip(line.get("role")) + "（可选：HANDLER、LEADER、GRID_WORKER、RECEPTION、"
            + "MEDIATOR、DISPATCH、PSYCHOLOGICAL、LEGAL、PETITION、REGISTRATION）"));
      }
      List<String> groups = unit != null && role != null ? role.groups(unit) : null;
      if (unit != null && role != null && groups == null) {
        errors.add(new RowError(row, "role", unit.level().nameZh() + "级单位没有“" + role.nameZh() + "”岗位：" + unit.name()));
      }
      String phone = line.get("phone").isEmpty() ? null : line.get("phone");
      if (phone != null && !TextRules.PHONE.matcher(phone).matches()) {
        errors.add(new RowError(row, "phone", "电话号码格式不正确"));
      }
      String email = line.get("email").isEmpty() ? null : line.get("email");
      if (email != null && !EMAIL.matcher(email).matches()) {
        errors.add(new RowError(row, "email", "电子邮箱格式不正确"));
      }
      String password = line.get("password").isEmpty() ? null : line.get("password");
      if (password != null && (password.length() < 4 || password.length() > 128)) {
        errors.add(new RowError(row, "password", "密码须为 4–128 个字符"));
      }
      Boolean retired = switch (line.get("retired").toLowerCase(Locale.ROOT)) {
        case "", "false", "0", "否" -> false;
        case "true", "1", "是" -> true;
        default -> null;
      };
      if (retired == null) {
        errors.add(new RowError(row, "retired", "retired 须为 true 或 false"));
      }
      if (errors.size() > before) {
        continue;
      }
      Person earlier = people.get(username);
      if (earlier == null) {
        people.put(username, new Person(username, name, new LinkedHashSet<>(groups), new LinkedHashSet<>(List.of(unit.code())),
            new LinkedHashSet<>(List.of(role.name())), phone, email, password, retired, row));
        continue;
      }
      if (!earlier.name().equals(name) || earlier.retired() != retired || !Objects.equals(earlier.phone(), phone)
          || !Objects.equals(earlier.email(), email) || !Objects.equals(earlier.password(), password)) {
        errors.add(new RowError(row, "username", "用户 " + username + " 在第 " + earlier.row() + " 行已出现，姓名、电话、邮箱、密码和 retired 须一致"));
        continue;
      }
      earlier.groups().addAll(groups);
      earlier.units().add(unit.code());
      earlier.roles().add(role.name());
    }
    if (!errors.isEmpty()) {
      throw new FileRejectedException("人员文件有 " + errors.size() + " 处错误，未导入任何内容", errors);
    }
    return people;
  }

  private static String randomPassword() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
