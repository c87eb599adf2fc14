package org.huian.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.BeanFactory;

/**
 * Refuses a deployment that would break Huian, before the engine creates any definition: a
 * Camunda pre-deployer ({@code customPreDeployers}), so it sees every resource of the deployment
 * at once, whether it came from Camunda Modeler, {@code /engine-rest}, a rollback or the
 * application itself. A refusal is a {@link org.camunda.bpm.engine.ParseException}, which
 * Camunda's REST answers with 400 and the message; the transaction rolls back, so nothing of the
 * deployment is stored. It checks, per file:
 * <ul>
 *   <li>BPMN: the process id is one of Huian's ({@code processes/}); {@code historyTimeToLive} is
 *       set; every form, called process and decision referenced with {@code binding="deployment"}
 *       is in this deployment, and one referenced otherwise is deployed or in it; every
 *       {@code ${bean}} of a delegate expression, and every bean an expression calls, is a Spring
 *       bean; every {@code camunda:class} exists;</li>
 *   <li>DMN: {@code historyTimeToLive} is set; a decision the processes read keeps the output
 *       columns they read, with values they understand (an ISO-8601 duration in every rule of
 *       {@code case-deadlines}, a level in {@code case-routing}) and a hit policy that yields one
 *       result ({@link DecisionContracts}).</li>
 * </ul>
 * The engine's own parser still checks everything else (XML schema, executable elements).
 */
final class DeploymentGuard implements Deployer {

  private static final String CAMUNDA = BpmnModelConstants.CAMUNDA_NS;
  private static final Pattern BEAN_ONLY = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_$][\\w$]*)\\s*}\\s*$");
  private static final Pattern BEAN_CALL = Pattern.compile("[$#]\\{\\s*([A-Za-z_$][\\w$]*)\\s*\\.\\s*[A-Za-z_$][\\w$]*\\s*\\(");
  /** Names an expression may call that are not beans: the engine's own. */
  private static final java.util.Set<String> ENGINE_NAMES = java.util.Set.of("execution", "task", "caseExecution",
      "variableScope", "authenticatedUserId", "dateTime", "now");

  private final HuianModels models;
  private final BeanFactory beans;

  DeploymentGuard(HuianModels models, BeanFactory beans) {
    this.models = models;
    this.beans = beans;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // a definition being loaded into another node's cache, not a new deployment
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (ResourceEntity r : deployment.getResources().values()) {
      resources.put(r.getName(), r.getBytes());
    }
    ModelFiles files = new ModelFiles(resources);
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> r : resources.entrySet()) {
      List<String> found = new ArrayList<>();
      if (ModelFiles.isBpmn(r.getKey())) {
        checkBpmn(r.getValue(), files, found);
      } else if (ModelFiles.isDmn(r.getKey())) {
        checkDmn(r.getValue(), found);
      }
      if (!found.isEmpty()) {
        problems.put(r.getKey(), found);
      }
    }
    if (!problems.isEmpty()) {
      throw new DeploymentRefusedException(problems);
    }
  }

  // -------------------------------------------------------------------------------------- BPMN

  private void checkBpmn(byte[] bytes, ModelFiles files, List<String> problems) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      return; // the engine's parser reports an unreadable file with its line and column
    }
    for (Process p : model.getModelElementsByType(Process.class)) {
      if (!p.isExecutable()) {
        continue;
      }
      if (!models.processKeys().contains(p.getId())) {
        problems.add("流程标识 " + p.getId() + " 不是汇安的流程（允许的流程标识：" + String.join("、", models.processKeys())
            + "）；新流程须先随系统版本发布");
      }
      if (blank(p.getCamundaHistoryTimeToLiveString())) {
        problems.add("流程 " + p.getId() + " 未设置历史保留期（historyTimeToLive，例如 P180D）");
      }
    }
    for (ModelFiles.Reference ref : ModelFiles.references(model)) {
      checkReference(ref, element(model, ref.elementId()), files, problems);
    }
    for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
      String delegate = e.getAttributeValueNs(CAMUNDA, "delegateExpression");
      if (delegate != null) {
        checkDelegate(delegate, describe(e), problems);
      }
      checkExpression(e.getAttributeValueNs(CAMUNDA, "expression"), describe(e), problems);
      checkClass(e.getAttributeValueNs(CAMUNDA, "class"), describe(e), problems);
    }
    for (CamundaExecutionListener l : model.getModelElementsByType(CamundaExecutionListener.class)) {
      String owner = describe(l.getParentElement().getParentElement()) + "的执行监听器";
      if (l.getCamundaDelegateExpression() != null) {
        checkDelegate(l.getCamundaDelegateExpression(), owner, problems);
      }
      checkExpression(l.getCamundaExpression(), owner, problems);
      checkClass(l.getCamundaClass(), owner, problems);
    }
    for (CamundaTaskListener l : model.getModelElementsByType(CamundaTaskListener.class)) {
      String owner = describe(l.getParentElement().getParentElement()) + "的任务监听器";
      if (l.getCamundaDelegateExpression() != null) {
        checkDelegate(l.getCamundaDelegateExpression(), owner, problems);
      }
      checkExpression(l.getCamundaExpression(), owner, problems);
      checkClass(l.getCamundaClass(), owner, problems);
    }
  }

  private void checkReference(ModelFiles.Reference ref, String where, ModelFiles files, List<String> problems) {
    if (ref.key().contains("${") || ref.key().contains("#{")) {
      return; // resolved at run time
    }
    boolean inDeployment = files.resourceOf(ref.kind(), ref.key()).isPresent();
    String what = switch (ref.kind()) {
      case FORM -> "表单 " + ref.key();
      case PROCESS -> "被调用流程 " + ref.key();
      case DECISION -> "决策 " + ref.key();
    };
    if (ref.byDeployment()) {
      if (!inDeployment) {
        problems.add(where + "引用的" + what + " 不在本次部署中（按 deployment 绑定，须与本流程放在同一次部署里一起部署）");
      }
      return;
    }
    if (ref.kind() == ModelFiles.Kind.PROCESS && !models.processKeys().contains(ref.key())) {
      problems.add(where + "调用的流程 " + ref.key() + " 不是汇安的流程");
      return;
    }
    if (!inDeployment && !deployed(ref)) {
      problems.add(where + "引用的" + what + " 尚未部署，也不在本次部署中");
    }
  }

  private static boolean deployed(ModelFiles.Reference ref) {
    CommandContext ctx = Context.getCommandContext();
    return switch (ref.kind()) {
      case FORM -> formDeployed(ctx, ref.key());
      case PROCESS -> ctx.getProcessEngineConfiguration().getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(ref.key()).count() > 0;
      case DECISION -> ctx.getProcessEngineConfiguration().getRepositoryService().createDecisionDefinitionQuery()
          .decisionDefinitionKey(ref.key()).count() > 0;
    };
  }

  private static boolean formDeployed(CommandContext ctx, String key) {
    try {
      return ctx.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null;
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      return true; // deployed for several tenants
    }
  }

  private void checkDelegate(String expression, String where, List<String> problems) {
    Matcher only = BEAN_ONLY.matcher(expression);
    String bean = only.matches() ? only.group(1) : null;
    if (bean == null) {
      Matcher call = BEAN_CALL.matcher(expression);
      bean = call.find() ? call.group(1) : null;
    }
    if (bean != null && !ENGINE_NAMES.contains(bean) && !beans.containsBean(bean)) {
      problems.add(where + "的委托表达式 " + expression + " 中的 " + bean + " 不是系统中的组件（Spring bean），流程运行到这里会失败");
    }
  }

  private void checkExpression(String expression, String where, List<String> problems) {
    if (expression == null) {
      return;
    }
    Matcher call = BEAN_CALL.matcher(expression);
    while (call.find()) {
      String bean = call.group(1);
      if (!ENGINE_NAMES.contains(bean) && !beans.containsBean(bean)) {
        problems.add(where + "的表达式 " + expression + " 调用的 " + bean + " 不是系统中的组件（Spring bean）");
      }
    }
  }

  private static void checkClass(String className, String where, List<String> problems) {
    if (blank(className)) {
      return;
    }
    try {
      Class.forName(className.strip(), false, DeploymentGuard.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      problems.add(where + "的实现类 " + className + " 不存在");
    }
  }

  private static String element(BpmnModelInstance model, String id) {
    ModelElementInstance e = model.getModelElementById(id);
    return e == null ? id : describe(e);
  }

  /** {@code 服务任务 Task_RegisterCase（登记入库）}. */
  static String describe(ModelElementInstance e) {
    String type = switch (e.getElementType().getTypeName()) {
      case "serviceTask" -> "服务任务";
      case "userTask" -> "用户任务";
      case "sendTask" -> "发送任务";
      case "scriptTask" -> "脚本任务";
      case "businessRuleTask" -> "业务规则任务";
      case "callActivity" -> "调用活动";
      case "startEvent" -> "开始事件";
      case "endEvent" -> "结束事件";
      case "intermediateThrowEvent" -> "中间抛出事件";
      case "intermediateCatchEvent" -> "中间捕获事件";
      case "boundaryEvent" -> "边界事件";
      case "sequenceFlow" -> "顺序流";
      case "subProcess" -> "子流程";
      case "process" -> "流程";
      case "exclusiveGateway" -> "排他网关";
      default -> e.getElementType().getTypeName();
    };
    String id = e instanceof BaseElement b ? b.getId() : null;
    String name = e instanceof FlowElement f ? f.getName() : null;
    return type + (id == null ? "" : " " + id) + (blank(name) ? "" : "（" + name + "）");
  }

  // --------------------------------------------------------------------------------------- DMN

  private static void checkDmn(byte[] bytes, List<String> problems) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      return; // the engine's transformer reports it
    }
    for (Decision d : model.getModelElementsByType(Decision.class)) {
      if (blank(d.getCamundaHistoryTimeToLiveString())) {
        problems.add("决策 " + d.getId() + " 未设置历史保留期（historyTimeToLive，例如 P180D）");
      }
      DecisionContracts.Contract contract = DecisionContracts.CONTRACTS.get(d.getId());
      if (contract == null) {
        continue;
      }
      if (!(d.getExpression() instanceof DecisionTable table)) {
        problems.add("决策 " + d.getId() + " 须为决策表，" + contract.readBy() + "读取它的结果");
        continue;
      }
      HitPolicy hit = table.getHitPolicy();
      if (hit == HitPolicy.RULE_ORDER || hit == HitPolicy.OUTPUT_ORDER || hit == HitPolicy.COLLECT && table.getAggregation() == null) {
        problems.add("决策 " + d.getId() + " 的命中策略 " + hit + " 可能得出多个结果，" + contract.readBy()
            + "只取一个：请用 UNIQUE、FIRST、ANY 或 PRIORITY");
      }
      List<Output> outputs = new ArrayList<>(table.getOutputs());
      List<String> names = outputs.stream().map(Output::getName).toList();
      if (contract.singleEntry() && outputs.size() != 1) {
        problems.add("决策 " + d.getId() + " 只能有一个输出列 " + contract.outputs().get(0).name() + "，实有 " + outputs.size()
            + " 个（" + contract.readBy() + "只取一个值）");
      }
      List<Rule> rules = new ArrayList<>(table.getRules());
      for (DecisionContracts.Output wanted : contract.outputs()) {
        int column = names.indexOf(wanted.name());
        if (column < 0) {
          problems.add("决策 " + d.getId() + " 缺少输出列 " + wanted.name() + "（" + wanted.labelZh() + "），"
              + contract.readBy() + "读取该列；现有输出列：" + (names.isEmpty() ? "无" : String.join("、", names.stream()
                  .map(n -> n == null ? "（未命名）" : n).toList())));
          continue;
        }
        for (int i = 0; i < rules.size(); i++) {
          Rule rule = rules.get(i);
          List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
          String text = column < entries.size() && entries.get(column).getText() != null
              ? entries.get(column).getText().getTextContent() : null;
          String problem = wanted.check().apply(text);
          if (problem != null) {
            problems.add("决策 " + d.getId() + " 第 " + (i + 1) + " 条规则（" + rule.getId()
                + (rule.getDescription() != null && !blank(rule.getDescription().getTextContent())
                    ? "，" + rule.getDescription().getTextContent().strip() : "")
                + "）的" + wanted.labelZh() + "（" + wanted.name() + "）：" + problem);
          }
        }
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
