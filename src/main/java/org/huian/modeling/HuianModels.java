package org.huian.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The models this release of Huian ships: {@code processes/*.bpmn}, {@code processes/*.dmn} and
 * {@code forms/*.form}, read once at start-up from {@code huian.models.location} (the class path by
 * default; a directory such as {@code file:/srv/huian/models/} for a test of a new release).
 * Resource names are {@code processes/<file>} and {@code forms/<file>}, the same in the IDE and in
 * the packaged jar. The process ids found here are Huian's process keys: the deployment guard
 * refuses any other.
 */
@Component
public class HuianModels {

  private final ModelFiles files;

  HuianModels(@Value("${huian.models.location:classpath:}") String location) {
    this.files = new ModelFiles(read(location));
  }

  static Map<String, byte[]> read(String location) {
    String root = location.endsWith("/") || location.endsWith(":") ? location : location + "/";
    Map<String, byte[]> resources = new LinkedHashMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      for (String[] pattern : new String[][] {{"processes", "*.bpmn"}, {"processes", "*.dmn"}, {"forms", "*.form"}}) {
        for (Resource r : resolver.getResources(root + pattern[0] + "/" + pattern[1])) {
          try (InputStream in = r.getInputStream()) {
            resources.put(pattern[0] + "/" + r.getFilename(), in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the models under " + location, e);
    }
    if (resources.isEmpty()) {
      throw new IllegalStateException("no models under " + location + " (processes/*.bpmn, processes/*.dmn, forms/*.form)");
    }
    return resources;
  }

  public ModelFiles files() {
    return files;
  }

  /** Huian's process keys: the ids of the processes in {@code processes/}. */
  public Set<String> processKeys() {
    return files.keys(ModelFiles.Kind.PROCESS);
  }

  public Set<String> decisionKeys() {
    return files.keys(ModelFiles.Kind.DECISION);
  }
}
