package org.huian.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/huian-*.jar}) as a separate process, exactly as it runs
 * in production: {@code java -jar} with profile {@code postgres}. Start-up time is the time from
 * launching the JVM to {@code /actuator/health} answering UP; resident memory comes from
 * {@code /proc/<pid>/status}.
 */
final class AppProcess implements AutoCloseable {

  private final Process process;
  final int port;
  final Duration startup;
  final Path log;

  private AppProcess(Process process, int port, Duration startup, Path log) {
    this.process = process;
    this.port = port;
    this.startup = startup;
    this.log = log;
  }

  static AppProcess start(BenchConfig config, BenchDatabases db, String logName) throws IOException, InterruptedException {
    return start(config, db, logName, List.of());
  }

  /**
   * The same, with {@code extraArgs} after the configured ones: a second node of a cluster gets
   * {@code --huian.cluster.node-name=...} this way (docs/cluster.md).
   */
  static AppProcess start(BenchConfig config, BenchDatabases db, String logName, List<String> extraArgs)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(config.appJvm());
    command.add("-Duser.timezone=Asia/Shanghai");
    command.add("-jar");
    command.add(config.jar().toString());
    command.add("--server.port=" + port);
    command.add("--spring.profiles.active=postgres");
    command.addAll(config.appArgs());
    command.addAll(extraArgs);
    Files.createDirectories(config.out());
    Path log = config.out().resolve(logName);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("HUIAN_DB_URL", db.appUrl);
    pb.environment().put("HUIAN_DB_USER", db.user);
    pb.environment().put("HUIAN_DB_PASSWORD", db.password);
    long started = System.nanoTime();
    Process process = pb.start();
    // never leave the application running when the benchmark JVM ends early
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    Http http = new Http(port);
    long deadline = started + TimeUnit.SECONDS.toNanos(300);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application ended during start-up, see " + log + ":\n" + tail(log));
      }
      Http.Reply r = http.getQuietly(null, "/actuator/health");
      if (r != null && r.status() == 200 && r.body().contains("\"UP\"")) {
        break;
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("the application was not UP within 300 s, see " + log);
      }
      Thread.sleep(100);
    }
    Duration startup = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf("[bench] application pid %d on port %d UP after %.1f s (%s)%n", process.pid(), port,
        startup.toMillis() / 1000.0, String.join(" ", config.appJvm()));
    return new AppProcess(process, port, startup, log);
  }

  Http http() {
    return new Http(port);
  }

  long pid() {
    return process.pid();
  }

  /** VmRSS and VmHWM (peak) of the application process, in KiB. */
  long[] residentKiB() throws IOException {
    long rss = -1;
    long hwm = -1;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(line.replaceAll("\\D", ""));
      } else if (line.startsWith("VmHWM:")) {
        hwm = Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return new long[] {rss, hwm};
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
