package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A fuzzed API on a real PostgreSQL server: well over 1,000 generated malformed or hostile requests
 * against every POST endpoint (wrong types, missing and extra fields, oversize and odd Unicode
 * text, injection strings, unknown codes, wrong content types, broken and huge bodies). No answer
 * may be a 5xx, every refusal is problem+json, and nothing is stored but what was accepted.
 */
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
  void shouldAnswerEveryMalformedRequestWithA4xxProblemAndStoreNothing() {
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
  }

  /** The media type of an .xlsx workbook. */
  static final class TableFileTypes {
    static final String XLSX = org.huian.geography.TableFile.XLSX;
  }

  long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
