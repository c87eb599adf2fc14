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
import org.camunda.bpm.engine.identity.User;
import org.huian.cases.CaseFunnel;
import org.huian.cases.CaseHandling;
import org.huian.dialogue.DialogueRoster;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes every unit a Camunda group (district, 17 streets, 169 communities, 1,971 grids, plus the
 * functional areas and leaders), grants what each needs, creates the shared Tasklist filter and,
 * unless disabled, the demo users. Idempotent: runs at every start and creates only what is missing.
 * Cluster-safe: it runs in one transaction that first locks the {@code identity-setup} row of
 * {@code huian_lock}, so nodes starting together run it one after the other and the later one finds
 * everything there (without the lock both create the same group and one node fails to start, or the
 * shared Tasklist filter, which has no unique key, is created twice).
 */
@Component
@Order(0)
class IdentitySetup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
  static final String DEMO_PASSWORD = "demo";
  static final String TASK_FILTER_NAME = "本单位待办";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final Geography geography;
  private final TransactionTemplate transaction;
  private final JdbcClient jdbc;
  private final boolean demoUsers;

  IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, Geography geography, TransactionTemplate transaction, JdbcClient jdbc,
      @Value("${huian.demo-users:false}") boolean demoUsers) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.geography = geography;
    this.transaction = transaction;
    this.jdbc = jdbc;
    this.demoUsers = demoUsers;
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.currentTimeMillis();
    // a read-only identity provider (profile ldap) owns users, groups and memberships and refuses
    // writes; authorizations and the filter live in the engine's tables and are made all the same
    boolean directory = identity.isReadOnly();
    int created = transaction.execute(status -> {
      lockAgainstOtherNodes();
      int groups = directory ? 0 : createGroups();
      grant();
      taskFilter();
      if (demoUsers && !directory) {
        demoUsers();
      }
      return groups;
    });
    if (directory) {
      log.info("identity set up: users, groups and memberships come from the directory (read-only identity "
          + "provider), none created; authorizations and the Tasklist filter in {} ms", System.currentTimeMillis() - started);
      return;
    }
    log.info("identity set up: {} unit groups created, demo users {}, in {} ms",
        created, demoUsers ? "on" : "off", System.currentTimeMillis() - started);
  }

  /** Waits until no other node is in its identity setup; held until this transaction ends. */
  private void lockAgainstOtherNodes() {
    jdbc.sql("SELECT name FROM huian_lock WHERE name = 'identity-setup' FOR UPDATE").query(String.class).single();
  }

  private int createGroups() {
    Set<String> existing = new HashSet<>();
    identity.createGroupQuery().list().forEach(g -> existing.add(g.getId()));
    int created = 0;
    for (Level level : Level.values()) {
      for (Unit unit : geography.all(level)) {
        created += group(existing, unit.code(), unit.name());
        for (String area : UnitGroups.areas(level)) {
          created += group(existing, UnitGroups.areaGroup(unit.code(), area), unit.name() + " · " + UnitGroups.areaNameZh(area));
        }
        if (level != Level.GRID) {
          created += group(existing, UnitGroups.leadersGroup(unit.code()), unit.name() + " · 领导");
        }
      }
    }
    return created;
  }

  private int group(Set<String> existing, String id, String name) {
    if (existing.contains(id)) {
      return 0;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType("HUIAN_UNIT");
    identity.saveGroup(group);
    return 1;
  }

  /** Everyone may use Tasklist and start a case; the district may read everything and use Cockpit. */
  private void grant() {
    grantGlobal(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantGlobal(Resources.PROCESS_DEFINITION, CaseFunnel.KEY, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grantGlobal(Resources.PROCESS_DEFINITION, CaseHandling.KEY, ProcessDefinitionPermissions.READ);
    grantGlobal(Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    for (String group : districtGroups()) {
      grantGroup(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grantGroup(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.READ_HISTORY);
      grantGroup(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grantGroup(group, Resources.TASK, ANY, Permissions.READ);
      grantGroup(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      grantGroup(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
      // the district may start a health-check report by hand (besides the monthly timer)
      grantGroup(group, Resources.PROCESS_DEFINITION, org.huian.risk.HealthReportProcess.KEY,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      // the district keeps the safety-dialogue roster, from a start form in Tasklist
      grantGroup(group, Resources.PROCESS_DEFINITION, DialogueRoster.KEY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
  }

  private List<String> districtGroups() {
    List<String> groups = new ArrayList<>();
    groups.add(Geography.DISTRICT_CODE);
    UnitGroups.DISTRICT_AREAS.forEach(a -> groups.add(UnitGroups.areaGroup(Geography.DISTRICT_CODE, a)));
    groups.add(UnitGroups.leadersGroup(Geography.DISTRICT_CODE));
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

  private void demoUsers() {
    List<String> district = districtGroups();
    user("district", "区综治中心", "值班员", district);
    for (Unit street : geography.all(Level.STREET)) {
      List<String> groups = new ArrayList<>();
      groups.add(street.code());
      UnitGroups.STREET_AREAS.forEach(a -> groups.add(UnitGroups.areaGroup(street.code(), a)));
      groups.add(UnitGroups.leadersGroup(street.code()));
      user("street-" + geography.streetPinyin(street.code()), street.name(), "值班员", groups);
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
