package org.huian.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.examples.Example;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The request examples of the OpenAPI document, one JSON file each under
 * {@code src/main/resources/openapi/examples/}: data, like the units they name (the embedded
 * district's), not code. An operation points at one with {@code @ExampleObject(ref = REF + "name")}.
 */
public final class OpenApiExamples {

  /** Where an operation's {@code @ExampleObject(ref = …)} points: followed by the file's name without {@code .json}. */
  public static final String REF = "#/components/examples/";
  static final String LOCATION = "classpath*:openapi/examples/*.json";

  private OpenApiExamples() {}

  /** Every example by name, its value parsed, so Swagger UI shows it as JSON. */
  public static Map<String, Example> load() {
    ObjectMapper json = new ObjectMapper();
    Map<String, Example> examples = new TreeMap<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        String name = r.getFilename().substring(0, r.getFilename().length() - ".json".length());
        try (InputStream in = r.getInputStream()) {
          examples.put(name, new Example().value(json.readValue(in, Object.class)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OpenAPI examples", e);
    }
    return examples;
  }
}
