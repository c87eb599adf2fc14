package org.huian.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** Evaluates the real decision tables with a stand-alone DMN engine. */
final class Decisions {

  static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private Decisions() {}

  static DmnDecision decision(String resource, String key) {
    InputStream in = Decisions.class.getClassLoader().getResourceAsStream(resource);
    assertThat(in).as(resource).isNotNull();
    return ENGINE.parseDecision(key, in);
  }
}
