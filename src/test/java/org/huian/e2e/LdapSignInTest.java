package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Sign-in from a directory (profile {@code ldap}): a real LDAP server (UnboundID, in memory, on a
 * free loopback port) with the LDIF of {@code ldap/huian.ldif}, Camunda's LDAP plugin 7.23.0 in
 * the 7.24 engine, and Huian over real HTTP: {@code /api} and {@code /engine-rest} with HTTP
 * Basic, Tasklist with its own form login, session and CSRF token.
 *
 * <p>Directory: {@value #ZHANG} (安定门: {@code 110101004000}, {@code -legal}, {@code -leaders}),
 * {@value #LI} (东华门: {@code 110101001000}, {@code -legal}) and {@value #ADMIN} (only
 * {@code camunda-admin}). Every test works on the one case taken in at 安定门 ({@link #andingmenCase()}).
 */
@ActiveProfiles("ldap")
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:huian-ldap;DB_CLOSE_DELAY=-1",
    "huian.demo-users=false"})
class LdapSignInTest extends AbstractApiTest {

  static final String ADMIN = "zhao.gang";
  static final String ZHANG = "zhang.wei";
  static final String LI = "li.na";
  static final Map<String, String> PASSWORDS = Map.of(ADMIN, "zhao-secret", ZHANG, "zhang-secret", LI, "li-secret");
  static final String DONGCHENG = org.huian.security.DemoUsers.DISTRICT_CODE;

  /** The key the tenant probe is deployed under (with a tenant, removed again after the test). */
  static final String PROBE = "dialogue-roster";

  static InMemoryDirectoryServer directory;
  /** The case every test looks at, taken in once: 欠薪 at 安定门, handled by 110101004000-legal. */
  static String caseNo;

  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngine processEngine;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry registry) throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=huian,dc=example");
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    directory = new InMemoryDirectoryServer(config);
    try (InputStream ldif = LdapSignInTest.class.getResourceAsStream("/ldap/huian.ldif")) {
      directory.importFromLDIF(true, new LDIFReader(ldif));
    }
    directory.startListening();
    int port = directory.getListenPort();
    registry.add("huian.ldap.server-url", () -> "ldap://127.0.0.1:" + port);
    registry.add("huian.ldap.manager-dn", () -> "cn=huian-reader,dc=huian,dc=example");
    registry.add("huian.ldap.manager-password", () -> "reader-secret");
  }

  @AfterAll
  static void stopDirectory() {
    if (directory != null) {
      directory.shutDown(true);
    }
  }

  // ------------------------------------------------------------------------------ sign-in

  @Test
  void shouldSignInWithTheDirectoryPasswordAndRefuseAWrongOne() {
    // given the directory's users, and the engine running on the LDAP plugin
    // (the 7.23.0 plugin inside the 7.24.0 engine, its session factory replaced by Huian's)
    assertThat(LdapIdentityProviderPlugin.class.getPackage().getImplementationVersion()).isEqualTo("7.23.0");
    assertThat(ProcessEngine.class.getPackage().getImplementationVersion()).isEqualTo("7.24.0");
    assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getIdentityProviderSessionFactory())
        .isInstanceOf(org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory.class)
        .extracting(f -> f.getClass().getName()).asString().contains("TenantAwareLdapIdentityProviderPlugin");
    assertThat(identityService.isReadOnly()).as("the directory owns identities").isTrue();

    // when zhang.wei calls /api with his directory password, then he is let in
    Reply ok = get(ZHANG, PASSWORDS.get(ZHANG), "/api/cases");
    assertThat(ok.status()).as(ok.raw()).isEqualTo(200);

    // when he gives a wrong password, or someone not in the directory calls, then 401 problem+json
    for (String[] credentials : List.of(new String[] {ZHANG, "wrong"}, new String[] {ZHANG, ""},
        new String[] {"nobody", "zhang-secret"}, new String[] {ZHANG + "*", "zhang-secret"})) {
      Reply refused = get(credentials[0], credentials[1], "/api/cases");
      assertThat(refused.status()).as("%s / %s", credentials[0], credentials[1]).isEqualTo(401);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().path("status").asInt()).isEqualTo(401);
    }
    assertThat(get(ZHANG, "wrong", "/engine-rest/task").status()).isEqualTo(401);
    assertThat(get(ZHANG, PASSWORDS.get(ZHANG), "/engine-rest/task").status()).isEqualTo(200);
  }

  // ------------------------------------------------------------------------------ who sees what

  @Test
  void shouldShowAnAndingmenCaseToZhangWeiAndNotToLiNa() {
    // given a wage-arrears case taken in at 安定门 (by the directory's administrator)
    String caseNo = andingmenCase();

    // when zhang.wei (安定门) lists and opens cases, then he finds it
    assertThat(caseNos(get(ZHANG, PASSWORDS.get(ZHANG), "/api/cases?size=100"))).contains(caseNo);
    Reply detail = get(ZHANG, PASSWORDS.get(ZHANG), "/api/cases/" + caseNo);
    assertThat(detail.status()).as(detail.raw()).isEqualTo(200);
    assertThat(detail.json().path("unit").path("code").asText()).isEqualTo(ANDINGMEN);

    // when li.na (东华门) does the same, then the case is not hers
    assertThat(caseNos(get(LI, PASSWORDS.get(LI), "/api/cases?size=100"))).doesNotContain(caseNo);
    assertThat(get(LI, PASSWORDS.get(LI), "/api/cases/" + caseNo).status()).isEqualTo(403);

    // and the administrator group of the directory sees every case
    assertThat(get(ADMIN, PASSWORDS.get(ADMIN), "/api/cases/" + caseNo).status()).isEqualTo(200);
  }

  @Test
  void shouldShowTheHandlingTaskInEngineRestToZhangWeiOnly() {
    // given the case's handling task, offered to 安定门's legal service
    String caseNo = andingmenCase();
    Task task = handleTask(caseNo);
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anyMatch(l -> (ANDINGMEN + "-legal").equals(l.getGroupId()));

    // when each user asks /engine-rest for their tasks (HTTP Basic against the directory)
    JsonNode zhang = get(ZHANG, PASSWORDS.get(ZHANG), "/engine-rest/task").json();
    JsonNode li = get(LI, PASSWORDS.get(LI), "/engine-rest/task").json();
    JsonNode admin = get(ADMIN, PASSWORDS.get(ADMIN), "/engine-rest/task?processInstanceBusinessKey=" + caseNo).json();

    // then zhang.wei has it, li.na has none, and the administrator sees it through ALL on tasks
    assertThat(zhang.findValuesAsText("id")).containsExactly(task.getId());
    assertThat(li.findValuesAsText("id")).isEmpty();
    assertThat(admin.findValuesAsText("id")).containsExactly(task.getId());

    // and the shared Tasklist filter (made by IdentitySetup in the engine's tables) lists it for him
    JsonNode filters = get(ZHANG, PASSWORDS.get(ZHANG), "/engine-rest/filter?resourceType=Task").json();
    String filterId = null;
    for (JsonNode f : filters) {
      if ("本单位待办".equals(f.path("name").asText())) {
        filterId = f.path("id").asText();
      }
    }
    assertThat(filterId).as("the Tasklist filter exists and zhang.wei may read it").isNotNull();
    assertThat(get(ZHANG, PASSWORDS.get(ZHANG), "/engine-rest/filter/" + filterId + "/list").json()
        .findValuesAsText("id")).containsExactly(task.getId());
    assertThat(get(LI, PASSWORDS.get(LI), "/engine-rest/filter/" + filterId + "/list").json()
        .findValuesAsText("id")).isEmpty();
  }

  @Test
  void shouldShowExactlyThatTaskInTasklistAfterTheWebappLogin() {
    // given the case's handling task
    Task task = handleTask(andingmenCase());

    // when zhang.wei opens Tasklist and logs in with a wrong password, then he is refused
    Browser refused = new Browser();
    refused.get("/camunda/app/tasklist/default/");
    assertThat(refused.login(ZHANG, "wrong").status()).isEqualTo(401);

    // when he logs in as the webapp does (form post with the XSRF token, then the new session)
    Browser browser = new Browser();
    assertThat(browser.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
    assertThat(browser.cookies).containsKey("XSRF-TOKEN");
    Reply login = browser.login(ZHANG, PASSWORDS.get(ZHANG));
    assertThat(login.status()).as(login.raw()).isEqualTo(200);
    assertThat(login.json().path("userId").asText()).isEqualTo(ZHANG);
    List<String> apps = new java.util.ArrayList<>();
    login.json().path("authorizedApps").forEach(a -> apps.add(a.asText()));
    assertThat(apps).contains("tasklist").doesNotContain("cockpit", "admin");

    // then Tasklist's engine API shows exactly that task
    Reply tasks = browser.get("/camunda/api/engine/engine/default/task");
    assertThat(tasks.status()).as(tasks.raw()).isEqualTo(200);
    assertThat(tasks.json().findValuesAsText("id")).containsExactly(task.getId());

    // and li.na, logged in the same way, sees none
    Browser other = new Browser();
    other.get("/camunda/app/tasklist/default/");
    assertThat(other.login(LI, PASSWORDS.get(LI)).status()).isEqualTo(200);
    assertThat(other.get("/camunda/api/engine/engine/default/task").json().findValuesAsText("id")).isEmpty();
  }

  // ------------------------------------------------------------------------------ tenants

  @Test
  void shouldAnswerTenantQueriesFromTheDirectoryGroups() {
    // when the engine asks for zhang.wei's tenants as its REST filter and the webapp login do
    List<Tenant> tenants = identityService.createTenantQuery().userMember(ZHANG).includingGroupsOfUser(true).list();

    // then it is his groups' district, Dongcheng, with the district unit's name
    assertThat(tenants).extracting(Tenant::getId).containsExactly(DONGCHENG);
    assertThat(tenants.get(0).getName()).isEqualTo("东城区综治中心");
    assertThat(identityService.createTenantQuery().userMember(LI).includingGroupsOfUser(true).list())
        .extracting(Tenant::getId).containsExactly(DONGCHENG);
    assertThat(identityService.createTenantQuery().userMember(ADMIN).includingGroupsOfUser(true).count())
        .as("camunda-admin is no unit").isZero();
    assertThat(identityService.createTenantQuery().userMember("nobody").includingGroupsOfUser(true).count()).isZero();
    assertThat(identityService.createTenantQuery().userMember(ZHANG).count())
        .as("users belong to tenants only through groups").isZero();

    // and by group, by id, and findTenantById
    assertThat(identityService.createTenantQuery().groupMember(ANDINGMEN + "-legal").singleResult().getId()).isEqualTo(DONGCHENG);
    assertThat(identityService.createTenantQuery().groupMember("camunda-admin").count()).isZero();
    assertThat(identityService.createTenantQuery().tenantId(DONGCHENG).count()).isEqualTo(1);
    assertThat(identityService.createTenantQuery().tenantId(ANDINGMEN).count()).as("a street is no tenant").isZero();
    assertThat(identityService.createTenantQuery().list()).extracting(Tenant::getId).containsExactly(DONGCHENG);
    assertThat(identityService.createTenantQuery().tenantNameLike("东城%").count()).isEqualTo(1);
    Tenant byId = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> context.getReadOnlyIdentityProvider().findTenantById(DONGCHENG));
    assertThat(byId.getName()).isEqualTo("东城区综治中心");

    // and over REST, as zhang.wei himself (members may read their own tenant)
    Reply rest = get(ZHANG, PASSWORDS.get(ZHANG), "/engine-rest/tenant?userMember=" + ZHANG + "&includingGroupsOfUser=true");
    assertThat(rest.status()).as(rest.raw()).isEqualTo(200);
    assertThat(rest.json().findValuesAsText("id")).containsExactly(DONGCHENG);
  }

  @Test
  void shouldLetADirectoryUserSeeTasksOfHisTenantOnly() {
    // given one process deployed for Dongcheng and one for another district (西城 110102000000),
    // each with a task offered to 安定门's legal service
    // a probe under one of Huian's own keys: the deployment guard refuses any other process id
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Probe").camundaCandidateGroups(ANDINGMEN + "-legal").endEvent().done();
    Deployment dongcheng = repositoryService.createDeployment().tenantId(DONGCHENG)
        .addModelInstance(PROBE + ".bpmn", model).deploy();
    Deployment xicheng = repositoryService.createDeployment().tenantId("110102000000")
        .addModelInstance(PROBE + ".bpmn", model).deploy();
    try {
      String own = runtimeService.createProcessInstanceByKey(PROBE).processDefinitionTenantId(DONGCHENG)
          .execute().getId();
      String foreign = runtimeService.createProcessInstanceByKey(PROBE).processDefinitionTenantId("110102000000")
          .execute().getId();
      String ownTask = taskService.createTaskQuery().processInstanceId(own).singleResult().getId();
      assertThat(taskService.createTaskQuery().processInstanceId(foreign).count()).isEqualTo(1);

      // when zhang.wei asks /engine-rest for the probe's tasks
      JsonNode tasks = get(ZHANG, PASSWORDS.get(ZHANG), "/engine-rest/task?processDefinitionKey=" + PROBE + "&taskDefinitionKey=Task_Probe").json();

      // then he sees Dongcheng's (his tenant, from his directory groups) and not the other district's,
      // although he is a candidate of both
      assertThat(tasks.findValuesAsText("id")).containsExactly(ownTask);
      assertThat(tasks.findValuesAsText("tenantId")).containsExactly(DONGCHENG);
    } finally {
      repositoryService.deleteDeployment(dongcheng.getId(), true);
      repositoryService.deleteDeployment(xicheng.getId(), true);
    }
  }

  // ------------------------------------------------------------------------------ helpers

  /** Takes in the class's one case at 安定门 the first time it is needed. */
  synchronized String andingmenCase() {
    if (caseNo == null) {
      Reply created = post(ADMIN, PASSWORDS.get(ADMIN), "/api/cases", body(b -> {
        b.put("category", "WAGE_ARREARS");
        b.put("title", "李师傅班组被拖欠工资");
        b.put("description", "四年前为某公司做消防工程，尾款未付");
        location(b).put("address", "安定门外大街");
        b.put("peopleInvolved", 6);
        b.put("amountInvolved", 86000);
      }));
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
      assertThat(created.json().path("level").asText()).isEqualTo("STREET");
      assertThat(created.json().path("unit").path("code").asText()).isEqualTo(ANDINGMEN);
      caseNo = created.json().path("caseNo").asText();
    }
    return caseNo;
  }

  static List<String> caseNos(Reply list) {
    assertThat(list.status()).as(list.raw()).isEqualTo(200);
    return list.json().path("items").findValuesAsText("caseNo");
  }

  record Reply(int status, String contentType, String raw, Map<String, List<String>> headers) {
    JsonNode json() {
      try {
        return raw == null || raw.isBlank() ? HuianClient.JSON.nullNode() : HuianClient.JSON.readTree(raw);
      } catch (IOException e) {
        throw new IllegalStateException(raw, e);
      }
    }
  }

  Reply get(String user, String password, String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET());
  }

  Reply post(String user, String password, String path, Object body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(HuianClient.write(body), StandardCharsets.UTF_8)));
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * What the Camunda webapp does in a browser: keeps every cookie it is given (the session and
   * {@code XSRF-TOKEN}), and sends the token back as {@code X-XSRF-TOKEN} with each request.
   */
  final class Browser {

    final Map<String, String> cookies = new LinkedHashMap<>();

    Reply get(String path) {
      return exchange(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/plain, */*").GET());
    }

    Reply login(String user, String password) {
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      return exchange(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
          .header("Accept", "application/json, text/plain, */*")
          .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
    }

    private Reply exchange(HttpRequest.Builder request) {
      if (!cookies.isEmpty()) {
        request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
      }
      if (cookies.containsKey("XSRF-TOKEN")) {
        request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
      }
      Reply reply = send(request);
      for (String setCookie : reply.headers().getOrDefault("set-cookie", List.of())) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
      return reply;
    }
  }
}
