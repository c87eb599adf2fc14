package org.huian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The template renderer itself, on a test template (src/test/resources/templates/reports/test-sample.html). */
class PdfReportTest {

  static final ReportProperties PROPERTIES = new ReportProperties(null, null);

  @Test
  void shouldWriteChineseTextThatExtractsWithTheFontEmbeddedAsASubset() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    IntStream.range(0, 80).forEach(i -> rows.add(List.of("安定门街道第" + i + "社区", "红", "案件逾期较多，需要重点督办".repeat(i % 3 + 1))));
    byte[] pdf = new PdfReport(PROPERTIES).render("test-sample", "东城区平安指数体检报告", Map.of(
        "paragraph", "本月全区平安指数总体平稳。".repeat(20), "rows", rows,
        "odd", "控制字符\u0000\u0007与表情\uD83D\uDE00不影响报告"));

    Path file = Path.of("target", "report-sample.pdf");
    Files.createDirectories(file.getParent());
    Files.write(file, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).as("the long table runs over pages").isGreaterThan(2);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("东城区平安指数体检报告", "一、总体情况", "安定门街道第79社区", "不影响报告", "1 / " + doc.getNumberOfPages());
      PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.isEmbedded()).isTrue();
      assertThat(font.getName()).as("a subset tag prefixes an embedded subset").matches("[A-Z]{6}\\+.*");
    }
    assertThat(pdf.length).as("a subset, not the whole 5 MB font").isLessThan(400_000);
  }

  @Test
  void shouldNeverLeaveAHeadingAloneAtTheFootOfAPage() throws Exception {
    List<List<String>> sections = new ArrayList<>();
    IntStream.range(1, 61).forEach(i -> sections.add(List.of("第" + i + "节 标题", "各项因素平稳，保持常态化排查。".repeat(1 + (i * 7) % 11))));
    byte[] pdf = new PdfReport(PROPERTIES).render("test-headings", "分页样例", Map.of("sections", sections));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(4);
      for (int p = 1; p < doc.getNumberOfPages(); p++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        List<String> lines = stripper.getText(doc).lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.matches("\\d+ / \\d+")).toList();
        assertThat(lines.get(lines.size() - 1)).as("the last line of page %d", p).doesNotMatch("第\\d+节 标题");
      }
    }
  }

  @Test
  void shouldEscapeDataSoItIsNeverMarkup() {
    String html = new PdfReport(PROPERTIES).html("test-sample", "<b>标题</b>", Map.of(
        "paragraph", "<script>alert(1)</script> & <img src=x>", "rows", List.of(List.of("<td>", "\"", "'")), "odd", "&amp;"));
    assertThat(html).doesNotContain("<script>", "<img src=x>", "<b>标题</b>", "<td><td>")
        .contains("&lt;script&gt;", "&amp;amp;", "&lt;b&gt;标题&lt;/b&gt;");
  }
}
