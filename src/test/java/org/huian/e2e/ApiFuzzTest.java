package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.huian.e2e.HuianClient.Reply;
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
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final List<String> HOSTILE = List.of("", " ", "\u0000", "a\u0000b", "\u202Eevil", "\uD83D\uDE00\uD83D\uDE00",
      "\u200B\u200B", "\uFFFF", "' OR 1=1 --", "\"; DROP TABLE cases; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
      "../../etc/passwd", "%00", "\\u0000", "NaN", "-1", "1e309", "null", "true", "[]", "{}", "长".repeat(5000), "x".repeat(100_000));

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = EmbeddedPostgres.newDatabase("huian_fuzz");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @Test
  void shouldAnswerEveryMalformedRequestWithA4xxProblemAndStoreNothing() {
    Random random = new Random(SEED);
    String caseNo = create(b -> {
      b.put("category", "WAGE_ARREARS");
      b.put("parties", List.of(Map.of("role", "APPLICANT", "kind", "PERSON", "name", "甲", "phone", "13800000001"),
          Map.of("role", "RESPONDENT", "kind", "ORGANISATION", "name", "乙公司", "phone", "13800000002")));
    }).path("caseNo").asText();
    long cases = count("cases");
    long agreements = count("agreements");
    long mediations = count("mediations");
    Map<String, Long> accepted = new HashMap<>();
    int sent = 0;
    List<String> failures = new ArrayList<>();

    Map<String, JsonNode> valid = new HashMap<>();
    valid.put("/api/cases", HuianClient.JSON.valueToTree(body(b -> { })));
    valid.put("/api/cases/" + caseNo + "/mediations", HuianClient.JSON.valueToTree(Map.of(
        "mode", "ON_SITE", "scheduledAt", "2030-01-01T10:00:00+08:00", "place", "调解室")));
    valid.put("/api/cases/" + caseNo + "/agreement", HuianClient.JSON.valueToTree(Map.of("outcome", "AGREEMENT",
        "responsibilities", "x", "text", "y", "obligations", List.of(Map.of("obligorPartyId", 1, "beneficiaryPartyId", 2,
            "description", "付款", "totalAmount", 10, "instalments", List.of(Map.of("amount", 10, "dueDate", "2030-01-01")))))));
    valid.put("/api/cases/" + caseNo + "/obligations/1/fulfilments", HuianClient.JSON.valueToTree(Map.of(
        "seq", 1, "fulfilled", true, "evidence", "凭证")));

    for (Map.Entry<String, JsonNode> endpoint : valid.entrySet()) {
      for (int i = 0; i < 300; i++) {
        String path = endpoint.getKey();
        Reply r;
        int kind = random.nextInt(10);
        if (kind == 0) {
          r = client.postRaw(STREET_USER, path, pick(random, List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
              "multipart/form-data; boundary=x", "application/json; charset=latin-9")), "{\"a\":1}");
        } else if (kind == 1) {
          String json = endpoint.getValue().toString();
          r = client.postRaw(STREET_USER, path, "application/json", pick(random, List.of(json.substring(0, json.length() / 2),
              json + "garbage", "[" + json + "]", "\"just a string\"", "", "null", "{\"title\":" + "[".repeat(2000))));
        } else if (kind == 2 && i % 50 == 0) {
          r = client.postRaw(STREET_USER, path, "application/json", "{\"title\":\"" + "长".repeat(2_000_000) + "\"}");
        } else {
          r = client.postRaw(STREET_USER, path, "application/json", mutate(endpoint.getValue().deepCopy(), random).toString());
        }
        sent++;
        if (r.status() >= 500) {
          failures.add(r.status() + " " + path + " " + r.raw());
        } else if (r.status() >= 400 && !r.contentType().startsWith("application/problem+json")) {
          failures.add("not problem+json: " + r.status() + " " + path + " " + r.contentType());
        } else if (r.status() < 300) {
          accepted.merge(path.substring(path.lastIndexOf('/') + 1), 1L, Long::sum);
        }
      }
    }
    for (int i = 0; i < 100; i++) {
      String token = java.net.URLEncoder.encode(pick(random, HOSTILE) + random.nextInt(), java.nio.charset.StandardCharsets.UTF_8)
          .replace("+", "%20");
      Reply r = client.postForm("/m/" + token, "answer=" + pick(random, List.of("CONFIRM", "DECLINE", "", "x", "%00")));
      sent++;
      if (r.status() >= 500 || (r.status() >= 400 && !r.contentType().startsWith("application/problem+json"))) {
        failures.add(r.status() + " /m/… " + r.contentType() + " " + r.raw());
      }
    }

    assertThat(sent).isGreaterThanOrEqualTo(1000);
    assertThat(failures).as("answers that break the rules").isEmpty();
    assertThat(count("cases")).as("only accepted cases are stored")
        .isEqualTo(cases + accepted.getOrDefault("cases", 0L));
    assertThat(count("mediations")).as("only accepted sessions are stored")
        .isEqualTo(mediations + accepted.getOrDefault("mediations", 0L));
    assertThat(count("agreements")).as("only accepted agreements are stored")
        .isLessThanOrEqualTo(agreements + accepted.getOrDefault("agreement", 0L));
  }

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  /** One to three random mutations somewhere in the tree. */
  static JsonNode mutate(JsonNode root, Random random) {
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      List<ObjectNode> objects = new ArrayList<>();
      collect(root, objects);
      ObjectNode target = pick(random, objects);
      List<String> fields = new ArrayList<>();
      Iterator<String> it = target.fieldNames();
      it.forEachRemaining(fields::add);
      String field = fields.isEmpty() ? "x" : pick(random, fields);
      switch (random.nextInt(8)) {
        case 0 -> target.remove(field);
        case 1 -> target.put(field, pick(random, HOSTILE));
        case 2 -> target.put(field, random.nextBoolean() ? random.nextLong() : -random.nextDouble() * 1e12);
        case 3 -> target.set(field, F.arrayNode().add(pick(random, HOSTILE)));
        case 4 -> target.set(field, F.objectNode().put("nested", pick(random, HOSTILE)));
        case 5 -> target.putNull(field);
        case 6 -> target.put("unexpected" + random.nextInt(5), pick(random, HOSTILE));
        default -> target.put(field, random.nextBoolean());
      }
    }
    return root;
  }

  static void collect(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode o) {
      out.add(o);
      o.elements().forEachRemaining(child -> collect(child, out));
    } else if (node instanceof ArrayNode a) {
      a.elements().forEachRemaining(child -> collect(child, out));
    }
  }
}
