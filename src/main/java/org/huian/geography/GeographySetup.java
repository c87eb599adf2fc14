package org.huian.geography;

import org.huian.problem.FileRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the unit tree while the application starts, after Flyway and before the engine's job
 * executor or any request can read it: every file named by {@code huian.geography.files} is
 * imported at every start (the administrator's files are the source of truth; an unchanged file
 * changes nothing); with none named, the embedded default ({@value Geography#EMBEDDED_DEFAULT},
 * Dongcheng) seeds an empty table once, so that a later rename through the API is not undone by
 * a restart. Groups for the units are created by the identity setup that follows. Other nodes of
 * a cluster pick up an import within {@code huian.geography.reload-interval}.
 */
@Configuration
class GeographySetup {

  private static final Logger log = LoggerFactory.getLogger(GeographySetup.class);

  @Bean
  @DependsOn("flywayInitializer")
  Geography geography(UnitStore store, TransactionTemplate transaction,
      @Value("${huian.geography.files:}") List<String> files) {
    List<String> named = files.stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
    if (named.isEmpty() && store.all().isEmpty()) {
      UnitImportService.apply(store, transaction, read(Geography.EMBEDDED_DEFAULT), "text/csv", Geography.EMBEDDED_DEFAULT, null);
    }
    for (String file : named) {
      try {
        byte[] bytes = Files.readAllBytes(Path.of(file));
        UnitImportService.apply(store, transaction, bytes,
            file.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? TableFile.XLSX : "text/csv", file, null);
      } catch (FileRejectedException e) {
        e.errors().forEach(err -> log.error("unit file {} row {} {}: {}", file, err.row(), err.field(), err.message()));
        throw new IllegalStateException("unit file " + file + " refused: " + e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read unit file " + file, e);
      }
    }
    Geography geography = new Geography(store.all(), store.casePrefixes());
    if (geography.districts().isEmpty()) {
      throw new IllegalStateException("no district: import a unit file (huian.geography.files, docs/geography.md)");
    }
    return geography;
  }

  @Bean
  UnitReloader unitReloader(UnitImportService imports) {
    return new UnitReloader(imports);
  }

  /** Reloads the snapshot when another node changed the table. */
  static class UnitReloader {
    private final UnitImportService imports;
    private final AtomicReference<String> seen = new AtomicReference<>();

    UnitReloader(UnitImportService imports) {
      this.imports = imports;
    }

    @Scheduled(fixedDelayString = "${huian.geography.reload-interval:PT10S}", initialDelayString = "${huian.geography.reload-interval:PT10S}")
    void reloadIfChanged() {
      try {
        String version = imports.version();
        String before = seen.getAndSet(version);
        if (before != null && !before.equals(version)) {
          imports.reload();
          log.info("unit tree changed on another node: reloaded");
        }
      } catch (RuntimeException e) {
        log.debug("unit reload check failed: {}", e.toString());
      }
    }
  }

  private static byte[] read(String classpathResource) {
    try (var in = new ClassPathResource(classpathResource).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
