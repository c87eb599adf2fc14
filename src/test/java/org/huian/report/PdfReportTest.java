package org.huian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfReportTest {

  static final ReportProperties PROPERTIES = new ReportProperties(null, null);

  @Test
  void shouldWriteChineseTextThatExtractsWithTheFontEmbeddedAsASubset() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    IntStream.range(0, 80).forEach(i -> rows.add(List.of("安定门街道第" + i + "社区", "红", "案件逾期较多，需要重点督办".repeat(i % 3 + 1))));
    byte[] pdf = PdfReport.create(PROPERTIES, "东城区平安指数体检报告")
        .heading("一、总体情况")
        .paragraph("本月全区平安指数总体平稳。".repeat(20))
        .badge(new Color(0xC0, 0x39, 0x2B), "红", "安定门街道 指数 41.2")
        .lineChart("近12周指数", IntStream.range(1, 13).mapToObj(i -> "第" + i + "周").toList(),
            List.of(new PdfReport.Series("指数", List.of(70.0, 68.0, 66.0, 60.0, 55.0, 50.0, 48.0, 47.0, 45.0, 44.0, 42.0, 41.2), false),
                new PdfReport.Series("预测", java.util.Arrays.asList(null, null, null, null, null, null, null, null, null, null, null, 41.2), true)),
            0, 100)
        .table(List.of("社区", "颜色", "说明"), rows, new float[] {3, 1, 4})
        .paragraph("控制字符\u0000与表情\uD83D\uDE00不影响报告")
        .toBytes();

    Path file = Path.of("target", "report-sample.pdf");
    Files.createDirectories(file.getParent());
    Files.write(file, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).as("the long table runs over pages").isGreaterThan(2);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("东城区平安指数体检报告", "一、总体情况", "安定门街道第79社区", "近12周指数", "预测", "1 / ");
      PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.isEmbedded()).isTrue();
      assertThat(font.getName()).as("a subset tag prefixes an embedded subset").matches("[A-Z]{6}\\+.*");
    }
    assertThat(pdf.length).as("a subset, not the whole 5 MB font").isLessThan(400_000);
  }
}
