package org.huian.risk;

import java.util.List;

/**
 * What the health-check report templates ({@code templates/reports/health-street.html} and
 * {@code health-district.html}) show: figures already formatted, no layout. The templates decide
 * the headings, the order, the tables and the colours.
 */
public final class HealthReportView {

  private HealthReportView() {}

  /** A street's report. */
  public record Street(String generatedOn, Headline headline, Chart chart, List<Factor> factors, Factor total,
      List<Area> communities, List<ListedCase> overdue, List<Cluster> clusters, List<String> focus) {}

  /** The district's report. */
  public record District(String generatedOn, Headline headline, Chart chart, List<Area> streets, List<Factor> factors,
      Factor total, List<Area> red, List<ListedCase> overdue, List<Cluster> clusters) {}

  /** The area's index, its colour (GREEN, YELLOW, RED) and the colour's Chinese name. */
  public record Headline(String score, String colour, String colourName, String note) {}

  /** A factor's risk load per grid and the points it costs. */
  public record Factor(String name, String load, String points) {}

  /** A community or street with its index; {@code level} is 街道 or 社区. */
  public record Area(String name, String level, String score, String colour, String colourName, String topFactor, String warning) {}

  /** A case the report lists, with up to {@link HealthReportService#PHOTOS_PER_CASE} photo thumbnails. */
  public record ListedCase(String caseNo, String title, String level, String unit, String deadline, List<Photo> photos) {}

  /** A thumbnail as a {@code data:} URI, so the PDF needs nothing outside itself. */
  public record Photo(String dataUri, String caption) {}

  public record Cluster(String clusterNo, String label, int count, String period) {}

  /**
   * The trend chart's geometry in the SVG's own units ({@link #WIDTH} × {@link #HEIGHT}): the
   * template draws it. Points are "x,y x,y …"; {@code forecast} starts at the last known week.
   */
  public record Chart(String caption, String history, String forecast, List<Tick> yTicks, List<Tick> xTicks,
      double left, double right, double top, double bottom) {
    public static final int WIDTH = 500;
    public static final int HEIGHT = 170;
  }

  /** A labelled position on an axis. */
  public record Tick(double at, String label) {}
}
