package org.huian;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of {@code docs/architecture.md}, enforced on the compiled main classes: the
 * ground floor imports nothing above it, the platform imports no capability, and a capability
 * imports the ground floor, the platform and {@code cases}, and another capability only along an
 * arrow listed here (and in the document). A package this test does not know is a capability.
 */
class ArchitectureTest {

  /** Errors, process plumbing, configuration and the unit tree: what everything stands on. */
  static final Set<String> GROUND_FLOOR = Set.of("problem", "process", "config", "geography");

  /** Shared services every capability uses: the caller and what they see, notifications, PDF reports, metrics. */
  static final Set<String> PLATFORM = Set.of("security", "notification", "report", "operations");

  /** The case funnel, the core capability the others build on. */
  static final String CORE = "cases";

  /** The arrows between two capabilities (besides the one to cases), each with its reason. */
  static final Map<String, String> CAPABILITY_ARROWS = Map.of(
      "risk -> dialogue", "risk monitoring implements dialogue's AreaIndexLookup port (the safety index of an area)",
      "attachment -> risk", "grid reports' photos follow the report's scope; the store implements the health report's CasePhotos port",
      "field -> attachment", "the grid workers' app completes a task together with its photo",
      "resident -> attachment", "a resident's photos are checked before intake and stored with the case",
      "resident -> mediation", "tracking links are hashed as the confirmation links are",
      "privacy -> attachment", "anonymisation and erasure purge photos; the export lists them",
      "privacy -> mediation", "open judicial referrals are legal holds; confirmation links have a lifetime",
      "duplicates -> risk", "the suggester matches parties with risk's SubjectKeys, as cross-matching does",
      "privacy -> risk", "anonymising a case has risk rebuild the key text of the linked-risk clusters it was in");

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.huian");
  }

  @Test
  void shouldImportOnlyAlongTheArrowsOfTheArchitecture() {
    ArchRule rule = ArchRuleDefinition.classes().that().resideInAPackage("org.huian.(*)..")
        .should(importOnlyAllowedPackages()).because("docs/architecture.md draws which package may import which");
    rule.check(classes);
  }

  @Test
  void shouldHaveNoCyclesBetweenPackages() {
    SlicesRuleDefinition.slices().matching("org.huian.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void shouldDocumentEveryPackageAndEveryArrowBetweenCapabilities() throws IOException {
    String doc = Files.readString(Path.of("docs/architecture.md"));
    Set<String> packages = new TreeSet<>();
    classes.stream().map(c -> top(c.getPackageName())).filter(p -> !p.isEmpty()).forEach(packages::add);
    assertThat(packages).as("the walk found the packages").contains("cases", "dialogue", "security", "geography");
    for (String p : packages) {
      assertThat(doc).as("docs/architecture.md names package " + p).contains("`" + p + "`");
    }
    for (String arrow : CAPABILITY_ARROWS.keySet()) {
      assertThat(doc).as("docs/architecture.md lists the arrow " + arrow).contains(arrow.replace(" -> ", " --> "));
    }
  }

  /** Whether package {@code from} may import package {@code to} (both top-level names under org.huian). */
  static boolean allowed(String from, String to) {
    if (from.equals(to) || to.isEmpty()) {
      return true;
    }
    if (GROUND_FLOOR.contains(from)) {
      return GROUND_FLOOR.contains(to);
    }
    if (PLATFORM.contains(from)) {
      return GROUND_FLOOR.contains(to) || PLATFORM.contains(to);
    }
    if (GROUND_FLOOR.contains(to) || PLATFORM.contains(to)) {
      return true;
    }
    if (from.equals(CORE)) {
      return false;
    }
    return to.equals(CORE) || CAPABILITY_ARROWS.containsKey(from + " -> " + to);
  }

  static ArchCondition<JavaClass> importOnlyAllowedPackages() {
    return new ArchCondition<>("import only the packages docs/architecture.md allows") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String from = top(item.getPackageName());
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          String target = d.getTargetClass().getPackageName();
          if (!target.startsWith("org.huian.")) {
            continue;
          }
          String to = top(target);
          if (!allowed(from, to)) {
            events.add(SimpleConditionEvent.violated(d, from + " -> " + to + ": " + d.getDescription()));
          }
        }
      }
    };
  }

  /** {@code org.huian.notification.sms} → {@code notification}; {@code org.huian} → "". */
  static String top(String packageName) {
    if (!packageName.startsWith("org.huian.")) {
      return "";
    }
    String rest = packageName.substring("org.huian.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
