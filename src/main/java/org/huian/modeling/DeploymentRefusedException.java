package org.huian.modeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * A deployment {@link DeploymentGuard} refused. A {@link ParseException}, so Camunda's REST API
 * answers 400 with the Chinese message and, in {@code details}, the problems of each file, as
 * Camunda Modeler shows them after a failed deploy.
 */
public class DeploymentRefusedException extends ParseException {

  private static final long serialVersionUID = 1L;

  /** One problem of one file, in Camunda's {@link Problem} shape (no line: it names the element). */
  record FileProblem(String message) implements Problem {
    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return null;
    }

    @Override
    public List<String> getElementIds() {
      return List.of();
    }
  }

  private final Map<String, List<String>> problems;

  DeploymentRefusedException(Map<String, List<String>> problems) {
    super(message(problems), problems.keySet().iterator().next(), List.of(), List.of());
    this.problems = Map.copyOf(problems);
    List<ResourceReport> reports = new ArrayList<>();
    problems.forEach((file, list) -> reports.add(new ResourceReportImpl(file,
        list.stream().<Problem>map(FileProblem::new).toList(), List.of())));
    this.resorceReports = reports;
  }

  public Map<String, List<String>> problems() {
    return problems;
  }

  static String message(Map<String, List<String>> problems) {
    StringBuilder b = new StringBuilder("部署被拒绝，未部署任何文件：");
    boolean first = true;
    for (Map.Entry<String, List<String>> file : problems.entrySet()) {
      for (String problem : file.getValue()) {
        b.append(first ? "" : "；").append(fileName(file.getKey())).append("：").append(problem);
        first = false;
      }
    }
    return b.append("。").toString();
  }

  private static String fileName(String resource) {
    int slash = resource.lastIndexOf('/');
    return slash < 0 ? resource : resource.substring(slash + 1);
  }
}
