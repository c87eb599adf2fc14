package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huian.e2e.HuianClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The OpenAPI document types every request and response body of {@code /api}: a client generated
 * from it gets named fields, not {@code object}. Walks each operation's bodies through their
 * {@code $ref}s and fails on any schema that is an object without properties (a
 * {@code Map<String, Object>} or {@code Object} in a controller), so an untyped body cannot come back.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-openapi;DB_CLOSE_DELAY=-1")
class OpenApiSchemaTest extends AbstractApiTest {

  @Test
  void shouldTypeEveryBodyOfTheApi() {
    Reply docs = client.get(null, "/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    JsonNode api = docs.body();
    List<String> untyped = new ArrayList<>();
    int bodies = 0;
    for (var path : iterable(api.path("paths").fields())) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (var op : iterable(path.getValue().fields())) {
        String where = op.getKey().toUpperCase() + " " + path.getKey();
        for (JsonNode content : List.of(op.getValue().path("requestBody").path("content"))) {
          for (var media : iterable(content.fields())) {
            bodies++;
            walk(api, media.getValue().path("schema"), where + " request " + media.getKey(), untyped, new HashSet<>());
          }
        }
        for (var response : iterable(op.getValue().path("responses").fields())) {
          for (var media : iterable(response.getValue().path("content").fields())) {
            if (media.getKey().equals("application/problem+json")) {
              continue; // the shared Problem schema (OpenApiConfig)
            }
            bodies++;
            walk(api, media.getValue().path("schema"), where + " " + response.getKey() + " " + media.getKey(), untyped,
                new HashSet<>());
          }
        }
      }
    }
    assertThat(bodies).as("the walk saw the API's bodies").isGreaterThan(50);
    assertThat(untyped).as("untyped object schemas").isEmpty();
  }

  @Test
  void shouldShowTheDialogueConstraintsAndTheDialogueFieldNames() {
    JsonNode schemas = client.get(null, "/v3/api-docs").body().path("components").path("schemas");
    JsonNode meeting = schemas.path("MeetingRequest");
    assertThat(meeting.path("required").toString()).contains("mode", "date", "streetCode", "participants");
    assertThat(meeting.path("properties").path("participants").path("maxLength").asInt()).isEqualTo(2000);
    assertThat(meeting.path("properties").path("mode").path("pattern").asText()).contains("RANDOM_VISIT");
    assertThat(schemas.path("ProgressRequest").path("properties").path("percent").path("maximum").asInt()).isEqualTo(100);
    assertThat(schemas.path("TaskView").path("properties").fieldNames()).toIterable()
        .contains("taskNo", "responsibleUnitName", "overdue", "problemNos", "progressReports");
    assertThat(schemas.path("FunnelStats").path("properties").fieldNames()).toIterable()
        .contains("levels", "onTimeRate", "satisfaction", "overdue");
  }

  /** A schema is typed when it is a reference, a scalar, an array of typed items, or an object with properties or typed values. */
  static void walk(JsonNode api, JsonNode schema, String where, List<String> untyped, Set<String> seen) {
    if (schema.isMissingNode() || schema.isNull()) {
      return;
    }
    if (schema.has("$ref")) {
      String ref = schema.path("$ref").asText();
      if (seen.add(ref)) {
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        walk(api, api.path("components").path("schemas").path(name), where + " → " + name, untyped, seen);
      }
      return;
    }
    boolean composed = false;
    for (String key : List.of("allOf", "oneOf", "anyOf")) {
      for (JsonNode part : schema.path(key)) {
        composed = true;
        walk(api, part, where, untyped, seen);
      }
    }
    String type = schema.path("type").asText("");
    if (type.equals("array")) {
      walk(api, schema.path("items"), where + "[]", untyped, seen);
      return;
    }
    if (!type.isEmpty() && !type.equals("object")) {
      return; // string (also binary files), integer, number, boolean
    }
    JsonNode values = schema.path("additionalProperties");
    if (schema.path("properties").size() > 0) {
      for (var property : iterable(schema.path("properties").fields())) {
        walk(api, property.getValue(), where + "." + property.getKey(), untyped, seen);
      }
    } else if (values.isObject() && values.size() > 0) {
      walk(api, values, where + "{}", untyped, seen);
    } else if (!composed) {
      untyped.add(where);
    }
  }

  static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    return () -> it;
  }
}
