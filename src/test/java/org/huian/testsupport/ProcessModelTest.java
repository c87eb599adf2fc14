package org.huian.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every model test ({@code *ProcessTest}): the real BPMN, DMN and forms of the class's
 * {@code @Deployment} on the model-test engine, with the coverage gate ({@link ModelTestExtension}),
 * camunda-bpm-assert initialised, stand-in delegates ({@link #mocks}, and the district-decision bean
 * every model's tenant expressions call), task and timer helpers ({@link #support}), and the engine
 * clock and the stand-ins reset after each test.
 *
 * <pre>{@code
 * @Deployment(resources = {HealthReportProcess.RESOURCE, "forms/targeted-supervision.form"})
 * class HealthReportProcessTest extends ProcessModelTest {
 *   @BeforeEach void delegates() { mocks.delegate("issueHealthReportsDelegate", e -> e.setVariable("period", "2026-10")); }
 *   @Test void shouldIssueTheMonthlyReport() { … support.fire(pi.getId(), Elements.TIMER_MONTHLY); … }
 * }
 * }</pre>
 */
@ExtendWith(ModelTestExtension.class)
public abstract class ProcessModelTest {

  protected ProcessEngine processEngine;
  protected ModelTestSupport support;
  protected final DelegateMocks mocks = new DelegateMocks();

  @BeforeEach
  void startModelTest(ProcessEngine engine) {
    processEngine = engine;
    BpmnAwareTests.init(engine);
    support = new ModelTestSupport(engine);
    // the models bind designers' decisions `latest` with the district tenant expression; none has its own table here
    mocks.bean("districtDecisions", new DongchengTenant.SharedDecisions());
  }

  @AfterEach
  void endModelTest() {
    mocks.reset();
    ClockUtil.reset();
  }
}
