package org.huian.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** What the steps share: the configuration, the databases, the running application, the baseline engine, the report. */
final class BenchContext {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The 17 streets of Dongcheng: codes 110101001000 to 110101017000. */
  static final int STREETS = 17;
  /** The street whose user runs the task-list queries: 安定门. */
  static final String STREET_CODE = "110101004000";
  static final String STREET_USER = "street-andingmen";
  /** Clients that seed the open cases of the task-list benchmark (not measured). */
  static final int SEEDING_CLIENTS = 8;

  final BenchConfig config;
  final BenchDatabases db;
  final BenchReport report;
  AppProcess app;
  /** Start-up time of the first start, on an empty database. */
  java.time.Duration coldStartup;
  BareEngine bare;
  /** Sequence of intake requests sent so far (all of them, warm-up and seeding included). */
  final AtomicInteger intakeSequence = new AtomicInteger();

  BenchContext(BenchConfig config, BenchDatabases db, BenchReport report) {
    this.config = config;
    this.db = db;
    this.report = report;
  }

  /** A realistic window intake: a neighbour dispute with two parties, in one of the 17 streets. */
  static String intakeBody(int i) {
    String street = String.format("110101%03d000", 1 + i % STREETS);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("channel", "WINDOW");
    b.put("category", "NEIGHBOUR");
    b.put("title", "邻里噪音纠纷 #" + i);
    b.put("description", "楼下商户夜间噪音扰民，多次协商未果，反映人希望社区出面协调。编号 " + i);
    b.put("location", Map.of("streetCode", street, "address", "东城区某胡同 " + (i % 200 + 1) + " 号"));
    b.put("reporter", Map.of("name", "李明", "phone", String.format("138%08d", i % 100_000_000), "anonymous", false));
    b.put("parties", List.of(
        Map.of("role", "APPLICANT", "kind", "PERSON", "name", "李明", "phone", String.format("138%08d", i % 100_000_000)),
        Map.of("role", "RESPONDENT", "kind", "ORGANISATION", "name", "某餐饮店")));
    b.put("peopleInvolved", 1 + i % 5);
    b.put("amountInvolved", 0);
    b.put("crossRegion", false);
    b.put("crossDepartment", false);
    try {
      return JSON.writeValueAsString(b);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Takes in {@code count} cases through {@code POST /api/cases} from {@code clients} concurrent
   * HTTP clients (as the district window, which may take in cases of every street); returns the
   * latencies. Any answer but 201 fails the run.
   */
  Latencies intake(int count, int clients, String label) throws Exception {
    return requests(count, clients, label, "cases", 201,
        (http, i) -> http.postJson("district", "/api/cases", intakeBody(intakeSequence.incrementAndGet())));
  }

  /** One HTTP request of a load: the {@code i}-th of the run, on its client's connection. */
  interface Request {
    Http.Reply send(Http http, int i) throws Exception;
  }

  /**
   * Sends {@code count} requests from {@code clients} concurrent HTTP clients of the application,
   * printing progress every tenth (at least every 1,000 {@code what}); returns the latencies. An
   * answer other than {@code expected} fails the run.
   */
  Latencies requests(int count, int clients, String label, String what, int expected, Request request) throws Exception {
    Latencies latencies = new Latencies(count);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> futures = new ArrayList<>();
    int progressEvery = Math.max(1000, count / 10);
    for (int t = 0; t < clients; t++) {
      futures.add(pool.submit(() -> {
        Http http = app.http();
        int i;
        while ((i = next.getAndIncrement()) < count) {
          Http.Reply r = request.send(http, i);
          if (r.status() != expected) {
            throw new IllegalStateException(label + " answered " + r.status() + ": " + r.body());
          }
          latencies.add(r.nanos());
          int d = done.incrementAndGet();
          if (d % progressEvery == 0) {
            System.out.printf("[bench] %s: %d/%d %s%n", label, d, count, what);
          }
        }
        return null;
      }));
    }
    pool.shutdown();
    for (Future<?> f : futures) {
      f.get();
    }
    return latencies;
  }

  /** Runs {@code count} calls of {@code work} on {@code threads} threads; returns the latencies. */
  static Latencies parallel(int count, int threads, IntFunction<Void> work) throws Exception {
    Latencies latencies = new Latencies(count);
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < count) {
          long started = System.nanoTime();
          work.apply(i);
          latencies.add(System.nanoTime() - started);
        }
        return null;
      }));
    }
    pool.shutdown();
    for (Future<?> f : futures) {
      f.get();
    }
    return latencies;
  }

  static long count(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Open cases in the application's database (not closed). */
  long openCases() throws SQLException {
    try (Connection c = db.app()) {
      return count(c, "SELECT COUNT(*) FROM cases WHERE closed_at IS NULL");
    }
  }
}
