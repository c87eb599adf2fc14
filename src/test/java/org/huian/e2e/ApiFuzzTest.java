package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huian.security.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A fuzzed API on a real PostgreSQL server: well over 1,000 generated malformed or hostile requests
 * against every POST endpoint (wrong types, missing and extra fields, oversize and odd Unicode
 * text, injection strings, unknown codes, wrong content types, broken and huge bodies). No answer
 * may be a 5xx, every refusal is problem+json, and nothing is stored but what was accepted.
 */
@org.springframework.test.context.TestPropertySource(properties = { // the resident's page: no rate limit in the way of the fuzzing
    "huian.resident.reports-per-ip=100000", "huian.resident.reports-per-phone=100000", "huian.resident.reads-per-ip=100000"})
class ApiFuzzTest extends AbstractApiTest {

  static final long SEED = 20261127L;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = EmbeddedPostgres.newDatabase("huian_fuzz");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @Test
  void shouldAnswerEveryMalformedRequestWithA4xxProblemAndStoreNothing() throws Exception {
    JsonFuzzer fuzz = new JsonFuzzer(client, SEED);
    String caseNo = create(b -> {
      b.put("category", "WAGE_ARREARS");
      b.put("parties", List.of(Map.of("role", "APPLICANT", "kind", "PERSON", "name", "甲", "phone", "13800000001"),
          Map.of("role", "RESPONDENT", "kind", "ORGANISATION", "name", "乙公司", "phone", "13800000002")));
    }).path("caseNo").asText();
    long cases = count("cases");
    long agreements = count("agreements");
    long mediations = count("mediations");

    Map<String, JsonNode> valid = new LinkedHashMap<>();
    valid.put("/api/cases", HuianClient.JSON.valueToTree(body(b -> { })));
    valid.put("/api/cases/" + caseNo + "/mediations", HuianClient.JSON.valueToTree(Map.of(
        "mode", "ON_SITE", "scheduledAt", "2030-01-01T10:00:00+08:00", "place", "调解室")));
    valid.put("/api/cases/" + caseNo + "/agreement", HuianClient.JSON.valueToTree(Map.of("outcome", "AGREEMENT",
        "responsibilities", "x", "text", "y", "obligations", List.of(Map.of("obligorPartyId", 1, "beneficiaryPartyId", 2,
            "description", "付款", "totalAmount", 10, "instalments", List.of(Map.of("amount", 10, "dueDate", "2030-01-01")))))));
    valid.put("/api/cases/" + caseNo + "/obligations/1/fulfilments", HuianClient.JSON.valueToTree(Map.of(
        "seq", 1, "fulfilled", true, "evidence", "凭证")));
    valid.put("/api/grid-reports", HuianClient.JSON.valueToTree(Map.of("kind", "EVENT", "gridId", ANDINGMEN_GRID,
        "description", "楼道堆物", "severity", 3, "tags", List.of("消防"), "occurredAt", "2026-01-01T09:00:00+08:00",
        "subject", Map.of("name", "某公司", "phone", "13800000003"))));
    long reports = count("grid_reports");
    valid.forEach((path, json) -> fuzz.post(STREET_USER, path, json, 300));

    // NDJSON batches of mutated lines: every line answered, a good line stored once, nothing else
    long batchAccepted = 0;
    JsonNode line = valid.get("/api/grid-reports").deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) line).put("source", "HOTLINE_12345");
    for (int b = 0; b < 20; b++) {
      StringBuilder body = new StringBuilder();
      int lines = 1 + fuzz.random.nextInt(15);
      for (int i = 0; i < lines; i++) {
        body.append(fuzz.random.nextInt(4) == 0 ? fuzz.pick(JsonFuzzer.HOSTILE) : fuzz.mutate(line.deepCopy()).toString()).append('\n');
      }
      HuianClient.Reply r = client.postRaw("district", "/api/grid-reports:batch", "application/x-ndjson", body.toString());
      fuzz.check("/api/grid-reports:batch", r);
      if (r.status() == 200) {
        assertThat(r.body().path("results").size()).as("one answer per line").isPositive();
        for (JsonNode result : r.body().path("results")) {
          if (result.path("status").asInt() == 201) {
            batchAccepted++;
          }
        }
      }
    }

    for (int i = 0; i < 100; i++) {
      String token = java.net.URLEncoder.encode(fuzz.pick(JsonFuzzer.HOSTILE) + fuzz.random.nextInt(),
          java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
      // a request line beyond Tomcat's 8 KB header limit is refused by Tomcat before the application
      // and closed while the client still writes, so the client may see a reset instead of the 400
      token = token.length() > 4000 ? token.substring(0, 4000).replaceAll("%[0-9A-F]?$", "") : token;
      fuzz.check("/m/…", client.postForm("/m/" + token, "answer=" + fuzz.pick(List.of("CONFIRM", "DECLINE", "", "x", "%00"))));
    }

    // unit and staff files: mutated rows of valid files, hostile cells, random bytes, a broken workbook
    long units = count("units");
    long users = count("act_id_user");
    String[] unitRow = {"110101004099", "测试社区", "COMMUNITY", "110101004000"};
    String[] staffRow = {"fuzz.user", "张三", "110101004000", "HANDLER", "13800000009", "a@b.cn"};
    for (int i = 0; i < 150; i++) {
      boolean staff = i % 2 == 1;
      String[] row = (staff ? staffRow : unitRow).clone();
      row[fuzz.random.nextInt(row.length)] = fuzz.pick(JsonFuzzer.HOSTILE).replace("\n", "");
      String header = staff ? "username,name,unit_code,role,phone,email" : "code,name,level,parent_code";
      if (fuzz.random.nextInt(5) == 0) {
        header = header.replace(staff ? "role" : "level", fuzz.pick(List.of("rank", "", "level,level", "LEVEL ")));
      }
      String csv = header + "\n" + String.join(",", row) + "\n";
      String path = staff ? "/api/admin/staff/import" : "/api/admin/units/import";
      HuianClient.Reply r = switch (fuzz.random.nextInt(6)) {
        case 0 -> {
          byte[] junk = new byte[fuzz.random.nextInt(4000)];
          fuzz.random.nextBytes(junk);
          yield client.postBytes("admin", path, fuzz.pick(List.of("text/csv", TableFileTypes.XLSX)), junk);
        }
        case 1 -> client.postBytes("admin", path, TableFileTypes.XLSX, ("PK\u0003\u0004" + csv).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        default -> client.postRaw("admin", path, "text/csv", csv);
      };
      fuzz.check(path, r);
    }
    assertThat(count("units")).as("only accepted unit files left units").isLessThanOrEqualTo(units + fuzz.accepted("import"));
    assertThat(count("act_id_user")).isLessThanOrEqualTo(users + fuzz.accepted("import"));

    // privacy (docs/privacy.md): rights requests, the retention run and the access-log filters, as an administrator
    long anonymised = count("privacy_anonymised");
    fuzz.post("admin", "/api/privacy/exports", HuianClient.JSON.valueToTree(Map.of("phone", "13900000000")), 80);
    fuzz.post("admin", "/api/privacy/exports.xlsx", HuianClient.JSON.valueToTree(Map.of("idNumber", "110101199003071233")), 40);
    fuzz.post("admin", "/api/privacy/exports.pdf", HuianClient.JSON.valueToTree(Map.of("phone", "13900000000")), 40);
    fuzz.post("admin", "/api/privacy/erasures", HuianClient.JSON.valueToTree(Map.of("phone", "13900000000", "reason", "本人申请")), 80);
    fuzz.post("admin", "/api/privacy/runs", HuianClient.JSON.valueToTree(Map.of("maxBatches", 1)), 40);
    for (int i = 0; i < 60; i++) {
      String value = java.net.URLEncoder.encode(fuzz.pick(JsonFuzzer.HOSTILE), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
      value = value.length() > 2000 ? value.substring(0, 2000).replaceAll("%[0-9A-F]?$", "") : value;
      String param = fuzz.pick(List.of("caseNo", "itemRef", "actor", "purpose", "from", "to", "page", "size"));
      fuzz.check("/api/privacy/access-log", client.get("admin", "/api/privacy/access-log?" + param + "=" + value));
      fuzz.check("/api/privacy/runs", client.get("admin", "/api/privacy/runs?limit=" + value));
    }
    assertThat(count("privacy_anonymised")).as("no erasure of a number nobody has anonymised anything")
        .isEqualTo(anonymised);

    // attachments (docs/attachments.md): mutated and hostile uploads, broken multipart, hostile ids
    long attachments = count("attachments");
    AttachmentFuzz attachmentFuzz = new AttachmentFuzz(fuzz, client);
    attachmentFuzz.run(STREET_USER, caseNo, 300);
    assertThat(count("attachments")).as("only accepted uploads are stored").isEqualTo(attachments + attachmentFuzz.stored);

    // the grid workers' app (/m/): a task's completion with a photo (multipart) and the sign-in token
    String gridCase = create(b -> {
      gridAppNeighbourDispute(b);
      b.put("title", "网格待办");
    }).path("caseNo").asText();
    cases++; // that case is not a fuzzed one
    String gridTask = taskService.createTaskQuery().processInstanceBusinessKey(gridCase).taskDefinitionKey("Task_HandleCase")
        .singleResult().getId();
    byte[] photo = FieldAppBrowserTest.jpeg(java.awt.Color.RED);
    for (int i = 0; i < 120; i++) {
      Map<String, String> fields = new LinkedHashMap<>();
      int shape = fuzz.random.nextInt(4);
      if (shape != 0) {
        fields.put("actionsTaken", shape == 1 ? "已上门处置" : fuzz.pick(JsonFuzzer.HOSTILE));
      }
      if (fuzz.random.nextBoolean()) {
        fields.put("clientRef", fuzz.pick(JsonFuzzer.HOSTILE));
      }
      byte[] junk = new byte[fuzz.random.nextInt(3000)];
      fuzz.random.nextBytes(junk);
      Map<String, byte[]> files = switch (fuzz.random.nextInt(4)) {
        case 0 -> Map.of();
        case 1 -> Map.of("file", junk);
        case 2 -> Map.of("file", java.util.Arrays.copyOf(photo, photo.length / 2));
        default -> Map.of("file", photo);
      };
      String task = fuzz.random.nextInt(3) == 0 ? java.net.URLEncoder.encode(fuzz.pick(JsonFuzzer.HOSTILE),
          java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") : gridTask;
      task = task.length() > 2000 ? task.substring(0, 2000).replaceAll("%[0-9A-F]?$", "") : task;
      fuzz.check("/api/field/tasks/{id}/completion", client.postMultipart(DemoUsers.GRID_USER,
          "/api/field/tasks/" + task + "/completion", fields, files));
    }
    java.net.http.HttpClient raw = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    for (int i = 0; i < 60; i++) {
      String value = (fuzz.random.nextBoolean() ? "Bearer " : "Basic ") + fuzz.pick(JsonFuzzer.HOSTILE) + "." + fuzz.random.nextInt();
      java.net.http.HttpRequest.Builder b;
      try {
        b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
            + (i % 2 == 0 ? "/api/field/tasks" : "/api/field/token"))).header("Authorization", value.substring(0, Math.min(value.length(), 4000)));
      } catch (IllegalArgumentException e) {
        continue; // not a value HTTP can carry (a NUL): no client can send it
      }
      b = i % 2 == 0 ? b.GET() : b.POST(java.net.http.HttpRequest.BodyPublishers.noBody());
      java.net.http.HttpResponse<String> r = raw.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      fuzz.check("/api/field (Authorization)", new HuianClient.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
          null, null, r.body()));
    }
    assertThat(fuzz.accepted("completion")).as("the one grid task completes at most once").isLessThanOrEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM attachments WHERE owner_no = ?").param(gridCase).query(Long.class).single())
        .as("a photo only with an accepted completion").isEqualTo(fuzz.accepted("completion"));

    // duplicate suggestion and marking (docs/duplicates.md): mutated intake and marking bodies, hostile case numbers
    String repeat = create(b -> b.put("title", "邻里噪音纠纷再次反映")).path("caseNo").asText();
    long links = count("case_links");
    long casesBeforeDuplicates = count("cases");
    fuzz.post(STREET_USER, "/api/cases/duplicates", HuianClient.JSON.valueToTree(body(b -> { })), 200);
    fuzz.post(STREET_USER, "/api/cases/" + repeat + "/duplicate-of",
        HuianClient.JSON.valueToTree(Map.of("originalCaseNo", caseNo, "note", "同一事项")), 150);
    for (int i = 0; i < 60; i++) {
      String token = java.net.URLEncoder.encode(fuzz.pick(JsonFuzzer.HOSTILE) + fuzz.random.nextInt(),
          java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
      token = token.length() > 4000 ? token.substring(0, 4000).replaceAll("%[0-9A-F]?$", "") : token;
      fuzz.check("/api/cases/…/duplicates", client.get(STREET_USER, "/api/cases/" + token + "/duplicates"));
      fuzz.check("/api/cases/…/duplicate-of", client.post(STREET_USER, "/api/cases/" + token + "/duplicate-of",
          Map.of("originalCaseNo", fuzz.pick(List.of(caseNo, repeat, token)))));
    }
    assertThat(count("cases")).as("a suggestion stores no case").isEqualTo(casesBeforeDuplicates);
    assertThat(count("case_links")).as("at most the one valid marking is stored").isLessThanOrEqualTo(links + 1)
        .isEqualTo(links + fuzz.accepted("duplicate-of"));

    assertThat(fuzz.sent).isGreaterThanOrEqualTo(1000);
    assertThat(fuzz.failures).as("answers that break the rules").isEmpty();
    assertThat(count("cases")).as("only accepted cases are stored").isEqualTo(cases + fuzz.accepted("cases") + 1); // + the repeat of the duplicates block
    assertThat(count("grid_reports")).as("only accepted reports and lines are stored")
        .isEqualTo(reports + fuzz.accepted("grid-reports") + batchAccepted);
    assertThat(count("mediations")).as("only accepted sessions are stored")
        .isEqualTo(mediations + fuzz.accepted("mediations"));
    assertThat(count("agreements")).as("only accepted agreements are stored")
        .isLessThanOrEqualTo(agreements + fuzz.accepted("agreement"));

    residentPage(fuzz);
  }

  /**
   * The resident's page, no login (docs/field-and-residents.md): mutated {@code report} parts with
   * and without photos, broken multipart bodies, random files for the photo position, hostile
   * tracking tokens. Only accepted reports leave a case, a link and photos.
   */
  void residentPage(JsonFuzzer fuzz) {
    long cases = count("cases");
    long links = count("resident_tracking");
    long photos = count("attachments");
    long acceptedPhotos = 0;
    JsonNode report = HuianClient.JSON.valueToTree(AbstractResidentReportApiTest.report(r -> { }));
    for (int i = 0; i < 200; i++) {
      String part = fuzz.random.nextInt(6) == 0 ? fuzz.pick(JsonFuzzer.HOSTILE) : fuzz.mutate(report.deepCopy()).toString();
      Map<String, byte[]> files = new LinkedHashMap<>();
      int n = fuzz.random.nextInt(4) == 0 ? fuzz.random.nextInt(3) : 0;
      for (int f = 0; f < n; f++) {
        byte[] junk = new byte[fuzz.random.nextInt(2000)];
        fuzz.random.nextBytes(junk);
        files.put(fuzz.pick(List.of("a.jpg", "../../x.png", "长".repeat(300) + ".jpg", "\u0000.jpg")) + f,
            fuzz.random.nextBoolean() ? junk : AbstractResidentReportApiTest.photo(40, 30, java.awt.Color.RED));
      }
      HuianClient.Reply r = AbstractResidentReportApiTest.postReport(client, part, files);
      fuzz.check("/api/public/reports", r);
      if (r.status() == 201) {
        acceptedPhotos += r.body().path("photos").asInt();
      }
    }
    for (int i = 0; i < 50; i++) {
      fuzz.check("/api/public/reports", client.postRaw(null, "/api/public/reports", fuzz.pick(List.of("multipart/form-data",
          "multipart/form-data; boundary=x", "application/json", "text/plain", "multipart/mixed; boundary=y")),
          fuzz.pick(List.of("--x\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\n{}", "--x--", "", "{\"category\":1}",
              "--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\"\r\n\r\n" + fuzz.pick(JsonFuzzer.HOSTILE)))));
      byte[] junk = new byte[fuzz.random.nextInt(3000)];
      fuzz.random.nextBytes(junk);
      fuzz.check("/api/public/photo-location", client.postMultipart(null, "/api/public/photo-location", Map.of(),
          Map.of(fuzz.pick(List.of("file", "files", "x")), junk)));
    }
    for (int i = 0; i < 100; i++) {
      String token = java.net.URLEncoder.encode(fuzz.pick(JsonFuzzer.HOSTILE) + fuzz.random.nextInt(),
          java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
      token = token.length() > 4000 ? token.substring(0, 4000).replaceAll("%[0-9A-F]?$", "") : token;
      fuzz.check("/api/public/track/…", client.get(null, "/api/public/track/" + token));
      fuzz.check("/api/public/units", client.get(null, "/api/public/units?district=" + token));
    }
    assertThat(fuzz.failures).as("answers that break the rules").isEmpty();
    assertThat(count("cases")).as("only accepted reports became cases").isEqualTo(cases + fuzz.accepted("reports"));
    assertThat(count("resident_tracking")).isEqualTo(links + fuzz.accepted("reports"));
    assertThat(count("attachments")).as("only accepted reports' photos").isEqualTo(photos + acceptedPhotos);
  }

  // ------------------------------------------------------------------ Open311 (docs/open311.md)

  /**
   * Open311: mutated form POSTs (missing, hostile and unknown parameters and attributes, odd
   * coordinates, wrong content types, broken encodings) and hostile query parameters and path
   * segments on every GET. No 5xx; every refusal is the specification's error list in the path's
   * format (never problem+json); only accepted POSTs leave a case.
   */
  @Test
  void shouldAnswerEveryMalformedOpen311RequestInItsOwnErrorFormat() {
    java.util.Random random = new java.util.Random(SEED);
    Open311Client open311 = new Open311Client(port);
    String key = client.post("admin", "/api/admin/open311/keys", Map.of("name", "fuzz", "district", "110101000000",
        "ratePerMinute", 10_000)).body().path("key").asText();
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("api_key", key);
    valid.put("service_code", "WAGE_ARREARS");
    valid.put("address_string", "安定门街道交北头条社区");
    valid.put("last_name", "李");
    valid.put("first_name", "建国");
    valid.put("phone", "13812345678");
    valid.put("description", "工资被拖欠");
    valid.put("attribute[amount_involved]", "86000");
    valid.put("attribute[people_involved]", "6");
    List<String> names = List.of("api_key", "jurisdiction_id", "service_code", "lat", "long", "address_string", "address_id",
        "first_name", "last_name", "phone", "email", "description", "media_url", "attribute[amount_involved]",
        "attribute[people_involved]", "attribute[cross_region]", "attribute[respondent_name]", "attribute[x]", "attribute[",
        "attribute[cross_region][]", "device_id", "account_id");
    List<String> odd = new java.util.ArrayList<>(JsonFuzzer.HOSTILE);
    odd.addAll(List.of("POTHOLE", "FAMILY", "SAFETY_HAZARD", "91", "-200", "39.9", "116.4", "1e400", "0x10", "true",
        "2026-13-45T25:00:00Z", "110101000000", "330110000000", "o311_x", "火星大街1号", "东华门街道", "%ZZ", "a,b,,c"));
    java.util.function.Function<String, String> shorten = v -> v.length() > 300 ? v.substring(0, 300) : v; // encoded, still inside Tomcat's 8 KB request line
    long cases = count("cases");
    int sent = 0;
    int accepted = 0;
    List<String> failures = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String format = random.nextBoolean() ? "xml" : "json";
      Open311Client.Answer a;
      int kind = random.nextInt(10);
      if (kind < 5) {
        Map<String, String> form = new LinkedHashMap<>(valid);
        for (int m = 1 + random.nextInt(3); m > 0; m--) {
          String name = names.get(random.nextInt(names.size()));
          switch (random.nextInt(3)) {
            case 0 -> form.remove(name);
            default -> form.put(name, odd.get(random.nextInt(odd.size())));
          }
        }
        a = open311.post("/open311/v2/requests." + format, form);
      } else if (kind == 5) {
        a = open311.raw("POST", "/open311/v2/requests." + format,
            List.of("application/json", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded")
                .get(random.nextInt(4)),
            List.of("{\"service_code\":\"NEIGHBOUR\"}", "api_key=" + key + "&service_code=%ZZ&description=%E4%B8",
                "--x\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\n" + key + "\r\n--x--\r\n",
                "api_key=" + key + "&" + "a".repeat(random.nextInt(3) == 0 ? 500_000 : 10)).get(random.nextInt(4)));
      } else {
        String value = shorten.apply(odd.get(random.nextInt(odd.size())));
        String segment = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        segment = segment.isEmpty() ? "x" : segment;
        String param = List.of("start_date", "end_date", "status", "service_code", "service_request_id", "jurisdiction_id",
            "api_key").get(random.nextInt(7));
        String path = List.of("/open311/v2/requests.", "/open311/v2/servicerequestupdates.", "/open311/v2/services.",
            "/open311/v2/requests/" + segment + ".", "/open311/v2/tokens/" + segment + ".", "/open311/v2/services/" + segment + ".",
            "/open311/v2/discovery.").get(random.nextInt(7)) + format;
        a = open311.get(path, Map.of(param, value));
      }
      sent++;
      String expected = a.response().uri().getPath().endsWith(".json") ? "application/json" : "text/xml";
      if (a.status() >= 500) {
        failures.add(a.status() + " " + a.response().uri() + " " + a.raw());
      } else if (a.status() >= 400) {
        if (!a.contentType().startsWith(expected)) {
          failures.add("not the Open311 error format (" + a.contentType() + "): " + a.response().uri() + " " + a.raw());
        } else {
          boolean listed = expected.equals("text/xml") ? a.xml().getDocumentElement().getTagName().equals("errors")
              : a.json().isArray() && a.json().path(0).has("code") && a.json().path(0).has("description");
          if (!listed) {
            failures.add("not an error list: " + a.raw());
          }
        }
      } else if (a.response().request().method().equals("POST")) {
        accepted++;
      }
    }
    assertThat(sent).isEqualTo(600);
    assertThat(failures).as("answers that break the rules").isEmpty();
    assertThat(count("cases")).as("only accepted requests are stored").isBetween(cases, cases + accepted);

    // the administrators' key endpoint is JSON under /api: problem+json refusals, a client only per accepted body
    JsonFuzzer fuzz = new JsonFuzzer(client, SEED);
    long clients = count("open311_clients");
    fuzz.post("admin", "/api/admin/open311/keys", HuianClient.JSON.valueToTree(Map.of("name", "门户", "district", "110101000000",
        "ratePerMinute", 60)), 150);
    for (int i = 0; i < 20; i++) {
      fuzz.check("/api/admin/open311/keys/…/revoke", client.post("admin", "/api/admin/open311/keys/"
          + java.net.URLEncoder.encode(fuzz.pick(List.of("-1", "0", "x", "1e9", "99999999999999999999", "%00")),
              java.nio.charset.StandardCharsets.UTF_8) + "/revoke", Map.of()));
    }
    assertThat(fuzz.failures).as("answers that break the rules").isEmpty();
    assertThat(count("open311_clients")).isEqualTo(clients + fuzz.accepted("keys"));
  }

  /** The media type of an .xlsx workbook. */
  static final class TableFileTypes {
    static final String XLSX = org.huian.geography.TableFile.XLSX;
  }

  long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
