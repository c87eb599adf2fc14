package org.huian.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huian.geography.Geography;
import org.junit.jupiter.api.Test;

/** The OpenAPI example of intake (openapi/examples/case-intake.json) is valid JSON naming units of the embedded district. */
class CaseApiExampleTest {

  private final ObjectMapper json = new ObjectMapper();
  private final Geography geography = new Geography();

  @Test
  void shouldShowAnIntakeExampleAtARealStreet() throws Exception {
    JsonNode example = json.valueToTree(org.huian.config.OpenApiExamples.load().get("case-intake").getValue());
    assertThat(geography.find(example.path("location").path("streetCode").asText())).isPresent();
  }
}
