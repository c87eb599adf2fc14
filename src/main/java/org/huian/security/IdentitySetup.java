package org.huian.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.geography.UnitsChanged;
import org.huian.process.StartGrant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes every unit of every district a Camunda group (the unit, its functional areas and its
 * leaders), every district a Camunda tenant whose members are the district's groups and the city
 * centre, grants what each needs, creates the shared Tasklist filter and, unless disabled, the demo
 * users. Idempotent: runs at every start, and again after a unit import, and creates only what is
 * missing. Cluster-safe: it runs in one transaction that first locks the {@code identity-setup} row
 * of {@code huian_lock}, so nodes starting together run it one after the other and the later one
 * finds everything there (without the lock both create the same group and one node fails to start,
 * or the shared Tasklist filter, which has no unique key, is created twice).
 *
 * <p>With a read-only identity provider (the {@code ldap} profile) the directory owns users, groups
 * and memberships, and tenants follow from the groups ({@link GroupTenants}); only the
 * authorizations and the filter, which live in the engine's tables, are created here.
 */
@Component
@Order(0)
class IdentitySetup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
  static final String DEMO_PASSWORD = "demo";
  static final String TASK_FILTER_NAME = "本单位待办";
  static final String UNIT_GROUP_TYPE = "HUIAN_UNIT";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final Geography geography;
  private final TransactionTemplate transaction;
  private final JdbcClient jdbc;
  private final StartupGate gate;
  private final List<StartGrant> startGrants;
  private final boolean demoUsers;

  IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, Geography geography, TransactionTemplate transaction, JdbcClient jdbc, StartupGate gate,
      List<StartGrant> startGrants, @Value("${huian.demo-users:false}") boolean demoUsers) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.geography = geography;
    this.transaction = transaction;
    this.jdbc = jdbc;
    this.gate = gate;
    this.startGrants = List.copyOf(startGrants);
    this.demoUsers = demoUsers;
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.currentTimeMillis();
    int created = setUp(demoUsers);
    log.info("identity set up: {} unit groups created, {} districts, demo users {}, in {} ms",
        created, geography.districts().size(), demoUsers ? "on" : "off", System.currentTimeMillis() - started);
    gate.open();
  }

  /** A unit import added or changed units: their groups, tenants and grants follow. */
  @EventListener
  void unitsChanged(UnitsChanged event) {
    int created = setUp(false);
    log.info("identity caught up with the unit import: {} groups created", created);
  }

  private int setUp(boolean withDemoUsers) {
    return transaction.execute(status -> {
      lockAgainstOtherNodes();
      int groups = 0;
      if (!identity.isReadOnly()) {
        groups = createGroups();
        tenants();
      } else {
        log.info("read-only identity provider: the directory owns users, groups and memberships");
      }
      grant();
      taskFilter();
      if (withDemoUsers && !identity.isReadOnly()) {
        demoUsers();
      }
      return groups;
    });
  }

  /** Waits until no other node is in its identity setup; held until this transaction ends. */
  private void lockAgainstOtherNodes() {
    jdbc.sql("SELECT name FROM huian_lock WHERE name = 'identity-setup' FOR UPDATE").query(String.class).single();
  }

  private int createGroups() {
    Set<String> existing = new HashSet<>();
    identity.createGroupQuery().list().forEach(g -> existing.add(g.getId()));
    int created = 0;
    for (Unit unit : geography.everything().values()) {
      for (Map.Entry<String, String> g : groupsOf(unit).entrySet()) {
        created += group(existing, g.getKey(), g.getValue(), UNIT_GROUP_TYPE);
      }
    }
    created += group(existing, ScopeResolver.CITY_CENTRE, "市级综治中心（只读）", "WORKFLOW");
    created += group(existing, ScopeResolver.UNIT_ADMIN, "单位与人员管理员", "WORKFLOW");
    created += group(existing, ScopeResolver.PROCESS_DESIGNERS, "流程设计人员", "WORKFLOW");
    created += group(existing, ScopeResolver.PRIVACY_OFFICER, "个人信息保护负责人", "WORKFLOW");
    return created;
  }

  /** A unit's own group, its functional areas and its leaders, with their names. */
  static Map<String, String> groupsOf(Unit unit) {
    Map<String, String> groups = new java.util.LinkedHashMap<>();
    groups.put(unit.code(), unit.name());
    for (String area : UnitGroups.areas(unit.level())) {
      groups.put(UnitGroups.areaGroup(unit.code(), area), unit.name() + " · " + UnitGroups.areaNameZh(area));
    }
    if (unit.level() != Level.GRID) {
      groups.put(UnitGroups.leadersGroup(unit.code()), unit.name() + " · 领导");
    }
    return groups;
  }

  private int group(Set<String> existing, String id, String name, String type) {
    if (existing.contains(id)) {
      return 0;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
    existing.add(id);
    return 1;
  }

  /**
   * One Camunda tenant per district: process instances carry their district as tenant
   * ({@link org.huian.geography.DistrictTenants}), so the engine keeps each district's instances,
   * tasks and history to the district's groups (and the city centre) in every query, in REST,
   * Tasklist and Cockpit.
   */
  private void tenants() {
    Set<String> existingTenants = new HashSet<>();
    identity.createTenantQuery().list().forEach(t -> existingTenants.add(t.getId()));
    for (Unit district : geography.districts()) {
      if (!existingTenants.contains(district.code())) {
        Tenant tenant = identity.newTenant(district.code());
        tenant.setName(district.name());
        identity.saveTenant(tenant);
      }
      Set<String> members = new HashSet<>();
      identity.createGroupQuery().memberOfTenant(district.code()).list().forEach(g -> members.add(g.getId()));
      List<String> wanted = new ArrayList<>();
      for (Unit unit : geography.everything().values()) {
        if (unit.districtCode().equals(district.code())) {
          wanted.addAll(groupsOf(unit).keySet());
        }
      }
      wanted.add(ScopeResolver.CITY_CENTRE);
      for (String g : wanted) {
        if (members.add(g)) {
          identity.createTenantGroupMembership(district.code(), g);
        }
      }
    }
  }

  /**
   * Everyone may use Tasklist; each district's centre may read everything of its district (the
   * tenant check keeps it there) and use Cockpit; the city centre reads every district and changes
   * nothing. Who may start which process (a case: everyone; the roster and a health-check report: the
   * district centres) each capability declares as {@link StartGrant} beans beside its descriptors.
   */
  private void grant() {
    grantGlobal(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    for (StartGrant g : startGrants) {
      if (g.starters() == StartGrant.Starters.EVERYONE) {
        grantGlobal(Resources.PROCESS_DEFINITION, g.processKey(), g.permissions().toArray(Permission[]::new));
      }
    }
    grantGlobal(Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    for (Unit district : geography.districts()) {
      for (String group : districtGroups(district.code())) {
        grantReadEverything(group);
        for (StartGrant g : startGrants) {
          if (g.starters() == StartGrant.Starters.DISTRICT_CENTRES) {
            grantGroup(group, Resources.PROCESS_DEFINITION, g.processKey(), g.permissions().toArray(Permission[]::new));
          }
        }
      }
    }
    grantReadEverything(ScopeResolver.CITY_CENTRE);
    grantDesigners();
  }

  /**
   * Process designers deploy from Camunda Modeler ({@code /engine-rest/deployment/create}) and
   * read what is deployed: definitions, decisions, decision requirements and the deployments'
   * resources (forms included), in {@code /engine-rest} and in Cockpit's process and decision
   * views. Nothing on process instances, tasks, variables or history: Cockpit shows them the
   * models with no instance, and {@code /engine-rest} answers their instance and task queries
   * with empty lists.
   */
  private void grantDesigners() {
    String designers = ScopeResolver.PROCESS_DESIGNERS;
    grantGroup(designers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grantGroup(designers, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grantGroup(designers, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grantGroup(designers, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grantGroup(designers, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  private void grantReadEverything(String group) {
    grantGroup(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grantGroup(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_HISTORY);
    grantGroup(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grantGroup(group, Resources.TASK, ANY, Permissions.READ);
    grantGroup(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grantGroup(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
  }

  static List<String> districtGroups(String districtCode) {
    List<String> groups = new ArrayList<>();
    groups.add(districtCode);
    UnitGroups.DISTRICT_AREAS.forEach(a -> groups.add(UnitGroups.areaGroup(districtCode, a)));
    groups.add(UnitGroups.leadersGroup(districtCode));
    return groups;
  }

  private void grantGlobal(Resource resource, String resourceId, Permission... permissions) {
    if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).count() > 0) {
      return;
    }
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    a.setUserId(ANY);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }

  private void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).count() > 0) {
      return;
    }
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(groupId);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }

  /** One shared Tasklist filter that shows each user the tasks of their groups, with case columns. */
  private void taskFilter() {
    if (filters.createFilterQuery().filterName(TASK_FILTER_NAME).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(TASK_FILTER_NAME);
    filter.setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks().orderByDueDate().asc());
    filter.setProperties(Map.of(
        "description", "我所在单位的待办任务，按办结时限排序",
        "priority", -10,
        "refresh", true,
        "variables", List.of(
            Map.of("name", "caseNo", "label", "案件编号"),
            Map.of("name", "title", "label", "事项标题"),
            Map.of("name", "unitName", "label", "承办单位"),
            Map.of("name", "slaName", "label", "时限状态"))));
    filters.saveFilter(filter);
    grantGlobal(Resources.FILTER, filter.getId(), Permissions.READ);
  }

  /** The demo users of the embedded default district (Dongcheng), when it is installed. */
  private void demoUsers() {
    user("city", "市级综治中心", "值班员", List.of(ScopeResolver.CITY_CENTRE));
    user(DemoUsers.DESIGNER, "流程设计", "人员", List.of(ScopeResolver.PROCESS_DESIGNERS));
    user(DemoUsers.PRIVACY_OFFICER, "个人信息保护", "负责人", List.of(ScopeResolver.PRIVACY_OFFICER));
    if (geography.findActive(DemoUsers.DISTRICT_CODE, Level.DISTRICT).isEmpty()) {
      return;
    }
    user("district", "区综治中心", "值班员", districtGroups(DemoUsers.DISTRICT_CODE));
    for (Unit street : geography.all(Level.STREET, DemoUsers.DISTRICT_CODE)) {
      List<String> groups = new ArrayList<>();
      groups.add(street.code());
      UnitGroups.STREET_AREAS.forEach(a -> groups.add(UnitGroups.areaGroup(street.code(), a)));
      groups.add(UnitGroups.leadersGroup(street.code()));
      String pinyin = DemoUsers.streetPinyin(street.code());
      if (pinyin != null) {
        user("street-" + pinyin, street.name(), "值班员", groups);
      }
    }
    Unit andingmen = geography.get(DemoUsers.ANDINGMEN);
    Unit community = geography.children(andingmen.code()).get(0);
    user(DemoUsers.COMMUNITY_USER, community.name(), "社工", List.of(community.code(), UnitGroups.leadersGroup(community.code())));
    Unit grid = geography.children(community.code()).get(0);
    user(DemoUsers.GRID_USER, grid.name(), "网格员", List.of(grid.code()));
  }

  private void user(String id, String firstName, String lastName, List<String> groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(DEMO_PASSWORD);
      user.setEmail(id + "@huian.example");
      identity.saveUser(user);
    }
    Set<String> member = new HashSet<>();
    identity.createGroupQuery().groupMember(id).list().forEach(g -> member.add(g.getId()));
    for (String g : groups) {
      if (!member.contains(g)) {
        identity.createMembership(id, g);
      }
    }
  }
}
