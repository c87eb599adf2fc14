package org.huian.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huian.geography.Level;
import org.huian.report.PdfReport;
import org.huian.report.ReportProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The health-check report rendered from its template ({@code templates/reports/health-street.html})
 * on generated data with long tables: every figure of the data is in the PDF's text, the header
 * row repeats on the pages a table runs over, no heading is left alone at a page's foot, the font
 * is embedded, the PDF is titled and in zh-CN, and a listed case's photos are in it as images.
 */
class HealthReportPdfTest {

  static final String TITLE = "安定门街道 2026年10月平安指数体检报告";
  static final Pattern HEADING = Pattern.compile("^[一二三四五六七八九十]、.*");

  static HealthReportView.Street report;
  static int photos;
  static byte[] pdf;

  @BeforeAll
  static void render() throws Exception {
    Random random = new Random(18);
    List<HealthReportView.Area> communities = new ArrayList<>();
    for (int i = 1; i <= 45; i++) {
      double score = Math.round((35 + random.nextDouble() * 60) * 10) / 10.0;
      String colour = score < 60 ? "RED" : score < 80 ? "YELLOW" : "GREEN";
      communities.add(new HealthReportView.Area("试点第" + i + "社区", "社区", String.valueOf(score), colour,
          switch (colour) { case "RED" -> "红"; case "YELLOW" -> "黄"; default -> "绿"; },
          "逾期案件（-" + (i % 7) + ".0）", null));
    }
    List<HealthReportView.ListedCase> overdue = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      List<HealthReportView.Photo> shots = new ArrayList<>();
      for (int p = 0; p < i % 4; p++) {
        shots.add(new HealthReportView.Photo(png(new Color(40 * p, 120, 200 - i * 5)), "现场照片 " + (p + 1)));
      }
      photos += shots.size();
      overdue.add(new HealthReportView.ListedCase(String.format("DC-2026-%06d", 4000 + i), "楼道堆物占用消防通道<第" + i + "件>",
          i % 2 == 0 ? "社区" : "街道", "交北头条社区", "2026年10月" + (i % 28 + 1) + "日", shots));
    }
    Instant monday = Instant.parse("2026-08-03T00:00:00Z");
    List<Instant> weeks = new ArrayList<>();
    List<Double> history = new ArrayList<>();
    for (int w = 0; w < 12; w++) {
      weeks.add(monday.plus(7L * w, ChronoUnit.DAYS));
      history.add(80.0 - w * 2.5);
    }
    RiskTrendService.Trend trend = new RiskTrendService.Trend("110101004000", "安定门街道", Level.STREET, weeks, history,
        List.of(50.0, 48.0, 46.5, 45.0), List.of(RiskTrendService.Warning.SHARP_DROP));
    report = new HealthReportView.Street("2026年11月1日",
        new HealthReportView.Headline("52.5", "RED", "红", HealthReportService.warningText(trend)),
        HealthReportService.chart(trend),
        List.of(new HealthReportView.Factor("逾期未办结案件", "1.25", "18.4"), new HealthReportView.Factor("网格上报风险", "0.80", "9.1")),
        new HealthReportView.Factor("合计扣分", "2.05", "47.5"), communities, overdue,
        List.of(new HealthReportView.Cluster("RC-2026-0007", "某物业公司", 5, "2026年9月1日—2026年10月20日")),
        List.of("· 逾期未办结案件：扣 18.4 分。逐件督办超期案件，明确责任人和办结时间。"));
    pdf = HealthReportService.render(new PdfReport(new ReportProperties(null, null)), TITLE, report);
    Path file = Path.of("target", "health-report-template-sample.pdf");
    Files.createDirectories(file.getParent());
    Files.write(file, pdf);
  }

  @Test
  void shouldShowEveryFigureOfTheData() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains(TITLE, "平安指数 " + report.headline().score(), report.headline().note(), "生成时间：" + report.generatedOn());
      for (HealthReportView.Area c : report.communities()) {
        assertThat(text).as("the row of %s", c.name())
            .containsPattern(Pattern.quote(c.name()) + "\\s+" + Pattern.quote(c.score()) + "\\s+" + c.colourName() + "\\s+"
                + Pattern.quote(c.topFactor()));
      }
      for (HealthReportView.ListedCase c : report.overdue()) {
        assertThat(text).as("the row of %s", c.caseNo()).contains(c.caseNo(), c.title()).containsPattern(
            Pattern.quote(c.level()) + "\\s+" + Pattern.quote(c.unit()) + "\\s+" + Pattern.quote(c.deadline()));
      }
      for (HealthReportView.Factor f : report.factors()) {
        assertThat(text).containsPattern(Pattern.quote(f.name()) + "\\s+" + Pattern.quote(f.load()) + "\\s+" + Pattern.quote(f.points()));
      }
      assertThat(text).contains(report.clusters().get(0).clusterNo(), report.clusters().get(0).label(), report.focus().get(0));
      assertThat(text).as("data is escaped, not markup").contains("<第1件>");
      assertThat(text).as("page numbers").contains("1 / " + doc.getNumberOfPages());
    }
  }

  @Test
  void shouldRepeatTheHeaderRowOnEveryPageALongTableRunsOver() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<Integer> communityPages = new ArrayList<>();
      List<Integer> casePages = new ArrayList<>();
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        String page = pageText(doc, p);
        if (report.communities().stream().anyMatch(c -> page.contains(c.name() + " "))) {
          communityPages.add(p);
          assertThat(page).as("page %d repeats the community table's header", p).containsPattern("社区\\s+指数\\s+颜色\\s+首要因素");
        }
        if (report.overdue().stream().anyMatch(c -> page.contains(c.caseNo()))) {
          casePages.add(p);
          assertThat(page).as("page %d repeats the case table's header", p).containsPattern("案件编号\\s+事项\\s+层级\\s+承办单位\\s+时限");
        }
      }
      assertThat(communityPages).as("the community table runs over pages").hasSizeGreaterThan(1);
      assertThat(casePages).as("the case table runs over pages").hasSizeGreaterThan(1);
    }
  }

  @Test
  void shouldLeaveNoHeadingAloneAtTheFootOfAPage() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        List<String> lines = pageText(doc, p).lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.matches("\\d+ / \\d+") && !l.equals(TITLE)).toList();
        assertThat(lines.get(lines.size() - 1)).as("the last line of page %d", p).doesNotMatch(HEADING);
      }
    }
  }

  @Test
  void shouldEmbedTheFontAndCarryTitleLanguageAndTags() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(TITLE);
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
      assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).as("a tagged PDF (PDF/UA)").isNotNull();
      assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      int fonts = 0;
      for (PDPage page : doc.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          fonts++;
          assertThat(font.isEmbedded()).as("font %s is embedded", font.getName()).isTrue();
          assertThat(font.getName()).as("an embedded subset of the CJK font").matches("[A-Z]{6}\\+WenQuanYi.*");
        }
      }
      assertThat(fonts).isPositive();
    }
    assertThat(pdf.length).as("a subset of the font, not the whole 5 MB").isLessThan(600_000);
  }

  @Test
  void shouldShowTheListedCasesPhotosAndDrawTheTrend() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int images = 0;
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        PDResources resources = doc.getPage(p - 1).getResources();
        int onPage = 0;
        for (COSName name : resources.getXObjectNames()) {
          if (resources.getXObject(name) instanceof PDImageXObject) {
            onPage++;
          }
        }
        images += onPage;
        String page = pageText(doc, p);
        boolean photographed = report.overdue().stream().anyMatch(c -> !c.photos().isEmpty() && page.contains(c.caseNo()));
        if (photographed) {
          assertThat(onPage).as("page %d lists a case with photos", p).isPositive();
        }
      }
      assertThat(images).as("one image per thumbnail").isEqualTo(photos);
      BufferedImage first = new PDFRenderer(doc).renderImageWithDPI(0, 60);
      assertThat(countPixels(first, 0x1F6FB2)).as("the index line").isGreaterThan(20);
      assertThat(countPixels(first, 0xE67E22)).as("the dashed forecast").isGreaterThan(5);
    }
  }

  @Test
  void shouldShowTheDistrictsStreetsAndRedUnitsFromTheData() throws Exception {
    List<HealthReportView.Area> streets = report.communities().subList(0, 17).stream()
        .map(c -> new HealthReportView.Area(c.name().replace("社区", "街道"), "街道", c.score(), c.colour(), c.colourName(), c.topFactor(),
            "趋势平稳"))
        .toList();
    List<HealthReportView.Area> red = report.communities().stream().filter(c -> c.colour().equals("RED")).toList();
    HealthReportView.District district = new HealthReportView.District("2026年11月1日",
        new HealthReportView.Headline("66.0", "YELLOW", "黄", "红色单位 " + red.size() + " 个"), report.chart(), streets,
        report.factors(), report.total(), red, List.of(), List.of());
    byte[] bytes = HealthReportService.render(new PdfReport(new ReportProperties(null, null)), "东城区 2026年10月平安指数体检报告", district);
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("全区平安指数 66.0", "红色单位 " + red.size() + " 个", "无超期未办结案件。", "无关联风险。");
      for (HealthReportView.Area s : streets) {
        assertThat(text).containsPattern(Pattern.quote(s.name()) + "\\s+" + Pattern.quote(s.score()) + "\\s+" + s.colourName());
      }
      assertThat(red).isNotEmpty();
      for (HealthReportView.Area u : red) {
        assertThat(text).containsPattern(Pattern.quote(u.name()) + "\\s+社区\\s+" + Pattern.quote(u.score()));
      }
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
    }
  }

  static String pageText(PDDocument doc, int page) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(doc);
  }

  static String png(Color colour) throws Exception {
    BufferedImage image = new BufferedImage(96, 72, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 96, 72);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
  }

  static int countPixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        int p = image.getRGB(x, y) & 0xFFFFFF;
        if (Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) < 40 && Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) < 40
            && Math.abs((p & 0xFF) - (rgb & 0xFF)) < 40) {
          n++;
        }
      }
    }
    return n;
  }
}
