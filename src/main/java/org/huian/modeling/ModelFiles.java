package org.huian.modeling;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * A set of model files (BPMN, DMN, Camunda Forms) by resource name, read with Camunda's own model
 * APIs: the keys each file defines, what each BPMN refers to, and the <em>bundles</em>, the files
 * that must be deployed together because one refers to another with {@code binding="deployment"}
 * (a form, a called process, a decision). The application's {@code processes/} and {@code forms/}
 * are one such set ({@link HuianModels}); a deployment's resources are another.
 */
public final class ModelFiles {

  /** What a BPMN file refers to, by kind, with the binding it uses. */
  public record Reference(Kind kind, String key, String binding, String elementId) {
    public boolean byDeployment() {
      return "deployment".equals(binding);
    }
  }

  public enum Kind { PROCESS, DECISION, FORM }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, byte[]> resources;
  /** resource name → kind of definitions and their keys. */
  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private final Map<String, List<String>> keys = new LinkedHashMap<>();
  private final Map<String, List<Reference>> references = new LinkedHashMap<>();

  public ModelFiles(Map<String, byte[]> resources) {
    this.resources = new TreeMap<>(resources);
    for (Map.Entry<String, byte[]> r : this.resources.entrySet()) {
      read(r.getKey(), r.getValue());
    }
  }

  public static boolean isBpmn(String name) {
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  public static boolean isDmn(String name) {
    return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
  }

  public static boolean isForm(String name) {
    return name.endsWith(".form");
  }

  private void read(String name, byte[] bytes) {
    try {
      if (isBpmn(name)) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
        kinds.put(name, Kind.PROCESS);
        keys.put(name, model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
            .map(Process::getId).toList());
        references.put(name, references(model));
      } else if (isDmn(name)) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
        kinds.put(name, Kind.DECISION);
        keys.put(name, model.getModelElementsByType(Decision.class).stream().map(Decision::getId).toList());
      } else if (isForm(name)) {
        kinds.put(name, Kind.FORM);
        String id = JSON.readTree(bytes).path("id").asText(null);
        keys.put(name, id == null ? List.of() : List.of(id));
      }
    } catch (IOException | RuntimeException e) {
      // unreadable: the engine's own parser reports it when the file is deployed
    }
  }

  static List<Reference> references(BpmnModelInstance model) {
    List<Reference> refs = new ArrayList<>();
    for (UserTask t : model.getModelElementsByType(UserTask.class)) {
      if (t.getCamundaFormRef() != null) {
        refs.add(new Reference(Kind.FORM, t.getCamundaFormRef(), binding(t.getCamundaFormRefBinding()), t.getId()));
      }
    }
    for (StartEvent s : model.getModelElementsByType(StartEvent.class)) {
      if (s.getCamundaFormRef() != null) {
        refs.add(new Reference(Kind.FORM, s.getCamundaFormRef(), binding(s.getCamundaFormRefBinding()), s.getId()));
      }
    }
    for (CallActivity c : model.getModelElementsByType(CallActivity.class)) {
      if (c.getCalledElement() != null) {
        refs.add(new Reference(Kind.PROCESS, c.getCalledElement(), binding(c.getCamundaCalledElementBinding()), c.getId()));
      }
    }
    for (BusinessRuleTask b : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (b.getCamundaDecisionRef() != null) {
        refs.add(new Reference(Kind.DECISION, b.getCamundaDecisionRef(), binding(b.getCamundaDecisionRefBinding()), b.getId()));
      }
    }
    return refs;
  }

  /** Camunda's default binding of a reference without one is {@code latest}. */
  private static String binding(String binding) {
    return binding == null || binding.isBlank() ? "latest" : binding;
  }

  public Map<String, byte[]> resources() {
    return resources;
  }

  public byte[] bytes(String name) {
    return resources.get(name);
  }

  public Optional<Kind> kind(String name) {
    return Optional.ofNullable(kinds.get(name));
  }

  public List<String> keys(String name) {
    return keys.getOrDefault(name, List.of());
  }

  public List<Reference> references(String name) {
    return references.getOrDefault(name, List.of());
  }

  /** The resource that defines a key of that kind, if any. */
  public Optional<String> resourceOf(Kind kind, String key) {
    return kinds.entrySet().stream().filter(e -> e.getValue() == kind && keys(e.getKey()).contains(key))
        .map(Map.Entry::getKey).findFirst();
  }

  public Set<String> keys(Kind kind) {
    Set<String> all = new LinkedHashSet<>();
    kinds.forEach((name, k) -> {
      if (k == kind) {
        all.addAll(keys(name));
      }
    });
    return all;
  }

  /**
   * The files that must travel with {@code name}: everything it refers to by deployment, and
   * what those refer to, and what refers to any of them by deployment (the connected component).
   */
  public Set<String> bundleOf(String name) {
    return bundles().stream().filter(b -> b.contains(name)).findFirst().orElse(Set.of(name));
  }

  /** Every file in exactly one bundle: the connected components of the deployment-bound references. */
  public List<Set<String>> bundles() {
    Map<String, Set<String>> edges = new HashMap<>();
    resources.keySet().forEach(n -> edges.put(n, new LinkedHashSet<>()));
    for (String from : resources.keySet()) {
      for (Reference ref : references(from)) {
        if (ref.byDeployment()) {
          resourceOf(ref.kind(), ref.key()).ifPresent(to -> {
            edges.get(from).add(to);
            edges.get(to).add(from);
          });
        }
      }
    }
    List<Set<String>> bundles = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String start : resources.keySet()) {
      if (!seen.add(start)) {
        continue;
      }
      Set<String> bundle = new java.util.TreeSet<>();
      List<String> todo = new ArrayList<>(List.of(start));
      while (!todo.isEmpty()) {
        String n = todo.remove(todo.size() - 1);
        bundle.add(n);
        for (String next : edges.get(n)) {
          if (seen.add(next)) {
            todo.add(next);
          }
        }
      }
      bundles.add(bundle);
    }
    return bundles;
  }

  /** The subset of this set's resources that the named ones need (their bundles), for a redeployment. */
  public Map<String, byte[]> closure(Collection<String> names) {
    Map<String, byte[]> out = new TreeMap<>();
    for (String n : names) {
      for (String member : bundleOf(n)) {
        out.put(member, resources.get(member));
      }
    }
    return out;
  }
}
