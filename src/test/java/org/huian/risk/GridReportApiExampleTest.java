package org.huian.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huian.geography.Geography;
import org.junit.jupiter.api.Test;

/** The OpenAPI example of a grid report is valid JSON naming a grid of the embedded district. */
class GridReportApiExampleTest {

  @Test
  void shouldShowAGridReportExampleInARealGrid() throws Exception {
    JsonNode example = new ObjectMapper().valueToTree(org.huian.config.OpenApiExamples.load().get("grid-report").getValue());
    assertThat(new Geography().find(example.path("gridId").asText())).isPresent();
    assertThat(example.path("subject").path("creditCode").asText()).hasSize(18);
  }
}
