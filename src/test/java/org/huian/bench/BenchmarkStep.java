package org.huian.bench;

/**
 * One benchmark of the suite. Steps run in the order of {@link HuianBenchmark#STEPS} against the
 * same application process and databases; each adds its figures (beside their baselines) to
 * {@link BenchContext#report}. To add a benchmark (e.g. the risk index of the risk issue),
 * implement this interface and add an instance to {@link HuianBenchmark#STEPS}.
 */
interface BenchmarkStep {

  /** Short name, used in the table and in results.json. */
  String name();

  void run(BenchContext context) throws Exception;
}
