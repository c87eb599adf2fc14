package org.huian.e2e;

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

/**
 * Generates malformed and hostile requests from a valid body (wrong types, missing and extra
 * fields, oversize and odd Unicode text, injection strings, wrong content types, broken and huge
 * bodies), sends them, and keeps score: every answer must be below 500, every refusal problem+json.
 * Shared by the fuzz tests of every area, one instance per test.
 */
final class JsonFuzzer {

  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final List<String> HOSTILE = List.of("", " ", "\u0000", "a\u0000b", "\u202Eevil", "\uD83D\uDE00\uD83D\uDE00",
      "\u200B\u200B", "\uFFFF", "' OR 1=1 --", "\"; DROP TABLE cases; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
      "../../etc/passwd", "%00", "\\u0000", "NaN", "-1", "1e309", "null", "true", "[]", "{}", "长".repeat(5000), "x".repeat(100_000));

  final Random random;
  final HuianClient client;
  int sent;
  final List<String> failures = new ArrayList<>();
  /** 2xx answers per last path segment ("cases", "mediations", ...). */
  final Map<String, Long> accepted = new HashMap<>();

  JsonFuzzer(HuianClient client, long seed) {
    this.client = client;
    this.random = new Random(seed);
  }

  /** {@code n} generated requests against {@code path}, derived from the valid {@code body}. */
  void post(String user, String path, JsonNode body, int n) {
    for (int i = 0; i < n; i++) {
      Reply r;
      int kind = random.nextInt(10);
      if (kind == 0) {
        r = client.postRaw(user, path, pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=latin-9")), "{\"a\":1}");
      } else if (kind == 1) {
        String json = body.toString();
        r = client.postRaw(user, path, "application/json", pick(List.of(json.substring(0, json.length() / 2),
            json + "garbage", "[" + json + "]", "\"just a string\"", "", "null", "{\"title\":" + "[".repeat(2000))));
      } else if (kind == 2 && i % 50 == 0) {
        r = client.postRaw(user, path, "application/json", "{\"title\":\"" + "长".repeat(2_000_000) + "\"}");
      } else {
        r = client.postRaw(user, path, "application/json", mutate(body.deepCopy()).toString());
      }
      check(path, r);
    }
  }

  /** Scores one answer. */
  void check(String path, Reply r) {
    sent++;
    if (r.status() >= 500) {
      failures.add(r.status() + " " + path + " " + r.raw());
    } else if (r.status() >= 400 && !r.contentType().startsWith("application/problem+json")) {
      failures.add("not problem+json: " + r.status() + " " + path + " " + r.contentType());
    } else if (r.status() < 300) {
      accepted.merge(path.substring(path.lastIndexOf('/') + 1), 1L, Long::sum);
    }
  }

  long accepted(String lastSegment) {
    return accepted.getOrDefault(lastSegment, 0L);
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** One to three random mutations somewhere in the tree. */
  JsonNode mutate(JsonNode root) {
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      List<ObjectNode> objects = new ArrayList<>();
      collect(root, objects);
      ObjectNode target = pick(objects);
      List<String> fields = new ArrayList<>();
      Iterator<String> it = target.fieldNames();
      it.forEachRemaining(fields::add);
      String field = fields.isEmpty() ? "x" : pick(fields);
      switch (random.nextInt(8)) {
        case 0 -> target.remove(field);
        case 1 -> target.put(field, pick(HOSTILE));
        case 2 -> target.put(field, random.nextBoolean() ? random.nextLong() : -random.nextDouble() * 1e12);
        case 3 -> target.set(field, F.arrayNode().add(pick(HOSTILE)));
        case 4 -> target.set(field, F.objectNode().put("nested", pick(HOSTILE)));
        case 5 -> target.putNull(field);
        case 6 -> target.put("unexpected" + random.nextInt(5), pick(HOSTILE));
        default -> target.put(field, random.nextBoolean());
      }
    }
    return root;
  }

  private static void collect(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode o) {
      out.add(o);
      o.elements().forEachRemaining(child -> collect(child, out));
    } else if (node instanceof ArrayNode a) {
      a.elements().forEachRemaining(child -> collect(child, out));
    }
  }
}
