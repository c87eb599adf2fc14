package org.huian.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huian.cases.CaseContext;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.config.TextRules;
import org.huian.geography.Geography;
import org.huian.geography.Unit;
import org.huian.risk.HealthReportProcess.Variables;
import org.huian.security.ProcessInstanceGrants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Java delegates of the health-check report and the targeted supervision order. */
@Configuration
class RiskDelegates {

  static final java.time.format.DateTimeFormatter DEADLINE_TEXT =
      java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(RiskIndexService.ZONE);

  /** Computes the index, stores one PDF per street and one for the district, and lists the RED units. */
  @Bean
  JavaDelegate issueHealthReportsDelegate(HealthReportService reports) {
    return execution -> {
      String period = Variables.PERIOD.optional(execution)
          .orElse(HealthReportService.periodOf(ClockUtil.getCurrentTime().toInstant()));
      HealthReportService.Issued issued = reports.issue(period, execution.getProcessInstanceId());
      Variables.PERIOD.set(execution, period);
      Variables.REPORT_COUNT.set(execution, issued.reports());
      execution.setVariable(Variables.RED_UNITS, org.camunda.bpm.engine.variable.Variables.objectValue(new ArrayList<>(issued.redUnits()))
          .serializationDataFormat(org.camunda.bpm.engine.variable.Variables.SerializationDataFormats.JSON).create());
    };
  }

  /** Opens the order for one RED unit: its deadline, the unit's group and the one above it. */
  @Bean
  JavaDelegate openSupervisionOrderDelegate(SupervisionOrders orders, RiskIndexService index, Geography geography,
      RiskProperties properties, ProcessInstanceGrants grants) {
    return execution -> {
      String unitCode = Variables.UNIT_CODE.get(execution);
      String period = Variables.PERIOD.get(execution);
      Unit unit = geography.get(unitCode);
      UnitIndex u = index.snapshot(index.filter(index.now())).unit(unitCode);
      Instant now = ClockUtil.getCurrentTime().toInstant();
      Instant deadline = now.plus(properties.supervisionDeadline());
      String focus = HealthReportService.factorsText(u, 3);
      String orderNo = orders.open(period, unitCode, unit.level().name(), u.score(), focus, deadline, now);
      Variables.ORDER_NO.set(execution, orderNo);
      Variables.UNIT_NAME.set(execution, unit.name());
      Variables.TITLE.set(execution, "靶向督办：" + unit.name() + " 平安指数 " + u.score() + "（" + period + "）");
      Variables.ORDER_GROUP.set(execution, unitCode);
      Variables.SUPERIOR_GROUP.set(execution, unit.parentCode());
      Variables.ORDER_DEADLINE.set(execution, Date.from(deadline));
      Variables.ORDER_DEADLINE_TEXT.set(execution, DEADLINE_TEXT.format(deadline));
      Variables.ORDER_SCORE.set(execution, u.score());
      Variables.ORDER_FOCUS.set(execution, focus.isEmpty() ? "—" : focus);
      // the unit and the one above it may read the order's instance (Tasklist shows its variables)
      grants.grantRead(unitCode, List.of(execution.getProcessInstanceId()));
      grants.grantRead(unit.parentCode(), List.of(execution.getProcessInstanceId()));
    };
  }

  /** The deadline passed: the order goes to the unit above, with a week of its own. */
  @Bean
  JavaDelegate escalateSupervisionOrderDelegate(SupervisionOrders orders, RiskProperties properties) {
    return execution -> {
      orders.escalate(Variables.ORDER_NO.get(execution), Variables.SUPERIOR_GROUP.get(execution));
      Instant deadline = ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(7));
      Variables.SUPERIOR_DEADLINE.set(execution, Date.from(deadline));
      Variables.ORDER_DEADLINE_TEXT.set(execution, DEADLINE_TEXT.format(deadline) + "（已提级督办）");
    };
  }

  /**
   * Records the measures in the transaction that completes the task; a missing or broken answer
   * is refused with 400 and the task stays open (see CheckHandlingDelegate for why not a listener).
   */
  @Bean
  JavaDelegate recordSupervisionMeasuresDelegate(SupervisionOrders orders) {
    return execution -> {
      String measures = Variables.MEASURES.optional(execution).map(String::strip).orElse("");
      if (measures.isEmpty()) {
        throw new InvalidRequestException(List.of(new FieldError("measures", "请填写整改措施及成效")));
      }
      if (measures.length() > 4000 || TextRules.hasControlCharacters(measures)) {
        throw new InvalidRequestException(List.of(new FieldError("measures", "整改措施不能超过 4000 字，且不能含控制字符")));
      }
      orders.complete(Variables.ORDER_NO.get(execution), measures, CaseContext.actor(execution), ClockUtil.getCurrentTime().toInstant());
    };
  }
}
