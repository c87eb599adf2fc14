package org.huian.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small A4 report writer for the Chinese PDFs Huian issues (health-check reports, dialogue
 * bulletins): headings, wrapped paragraphs, tables, coloured badges and line charts, with page
 * numbers. The CJK font is embedded as a subset, so the text extracts ({@code pdftotext}) and
 * prints anywhere. Not thread-safe; one instance per document.
 *
 * <pre>{@code
 * byte[] pdf = PdfReport.create(properties, "东城区平安指数体检报告")
 *     .heading("一、总体情况").paragraph("…")
 *     .table(List.of("街道", "指数"), List.of(List.of("安定门街道", "72.5")), new float[] {3, 1})
 *     .lineChart("近12周指数", labels, List.of(new Series("指数", values, false)), 0, 100)
 *     .toBytes();
 * }</pre>
 */
public final class PdfReport {

  /** A line of a chart; {@code dashed} draws it dashed (e.g. a forecast). */
  public record Series(String name, List<Double> values, boolean dashed, Color color) {
    public Series(String name, List<Double> values, boolean dashed) {
      this(name, values, dashed, dashed ? new Color(0xE6, 0x7E, 0x22) : new Color(0x1F, 0x6F, 0xB2));
    }
  }

  private static final float MARGIN = 50;
  private static final float BODY = 10.5f;
  private static final float LEADING = 1.45f;

  private final PDDocument document = new PDDocument();
  private final PDType0Font font;
  private final String title;
  private PDPageContentStream content;
  private float y;

  private PdfReport(ReportProperties properties, String title) {
    this.title = title;
    this.font = loadFont(document, properties);
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setCreator("Huian 汇安");
    newPage();
    text(title, 18, MARGIN, y - 18);
    y -= 34;
  }

  public static PdfReport create(ReportProperties properties, String title) {
    return new PdfReport(properties, title);
  }

  static PDType0Font loadFont(PDDocument document, ReportProperties properties) {
    for (Path file : properties.fontFiles()) {
      if (!Files.isReadable(file)) {
        continue;
      }
      try {
        if (file.toString().toLowerCase().endsWith(".ttc")) {
          // the collection stays open as long as the document needs the font
          TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
          TrueTypeFont face = collection.getFontByName(properties.fontName());
          if (face == null) {
            List<TrueTypeFont> faces = new ArrayList<>();
            collection.processAllFonts(faces::add);
            face = faces.get(0);
          }
          return PDType0Font.load(document, face, true);
        }
        return PDType0Font.load(document, file.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the report font " + file, e);
      }
    }
    throw new IllegalStateException("no CJK font for PDF reports: install fonts-wqy-microhei or set "
        + "huian.reports.font-files (tried " + properties.fontFiles() + ")");
  }

  public PdfReport heading(String text) {
    space(30);
    y -= 8;
    text(text, 13.5f, MARGIN, y - 13.5f);
    y -= 22;
    return this;
  }

  /** A paragraph wrapped to the page width; blank lines in {@code text} start new lines. */
  public PdfReport paragraph(String text) {
    return paragraph(text, BODY);
  }

  public PdfReport small(String text) {
    return paragraph(text, 8.5f);
  }

  private PdfReport paragraph(String text, float size) {
    for (String line : wrap(text, size, width())) {
      space(size * LEADING);
      text(line, size, MARGIN, y - size);
      y -= size * LEADING;
    }
    y -= size * 0.5f;
    return this;
  }

  /** A coloured badge followed by a label, e.g. the colour of an area. */
  public PdfReport badge(Color color, String badge, String label) {
    space(22);
    try {
      float w = font.getStringWidth(badge) / 1000 * 12 + 12;
      content.setNonStrokingColor(color);
      content.addRect(MARGIN, y - 18, w, 18);
      content.fill();
      content.setNonStrokingColor(Color.WHITE);
      textRaw(badge, 12, MARGIN + 6, y - 14);
      content.setNonStrokingColor(Color.BLACK);
      textRaw(label, 12, MARGIN + w + 8, y - 14);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= 26;
    return this;
  }

  /**
   * A table with a header row; {@code weights} share the width between the columns. Cells wrap;
   * the header repeats on a new page.
   */
  public PdfReport table(List<String> header, List<List<String>> rows, float[] weights) {
    float total = 0;
    for (float w : weights) {
      total += w;
    }
    float[] widths = new float[weights.length];
    for (int i = 0; i < weights.length; i++) {
      widths[i] = width() * weights[i] / total;
    }
    row(header, widths, 9.5f, new Color(0xE8, 0xEE, 0xF4));
    for (List<String> r : rows) {
      if (rowHeight(r, widths, 9) > y - MARGIN - 20) {
        newPage();
        row(header, widths, 9.5f, new Color(0xE8, 0xEE, 0xF4));
      }
      row(r, widths, 9, null);
    }
    y -= 8;
    return this;
  }

  private float rowHeight(List<String> cells, float[] widths, float size) {
    int lines = 1;
    for (int i = 0; i < widths.length; i++) {
      lines = Math.max(lines, wrap(i < cells.size() ? cells.get(i) : "", size, widths[i] - 6).size());
    }
    return lines * size * 1.35f + 6;
  }

  private void row(List<String> cells, float[] widths, float size, Color fill) {
    float h = rowHeight(cells, widths, size);
    space(h);
    try {
      float x = MARGIN;
      for (int i = 0; i < widths.length; i++) {
        if (fill != null) {
          content.setNonStrokingColor(fill);
          content.addRect(x, y - h, widths[i], h);
          content.fill();
          content.setNonStrokingColor(Color.BLACK);
        }
        content.setStrokingColor(new Color(0xB0, 0xB8, 0xC0));
        content.setLineWidth(0.5f);
        content.addRect(x, y - h, widths[i], h);
        content.stroke();
        float ty = y - 3 - size;
        for (String line : wrap(i < cells.size() ? cells.get(i) : "", size, widths[i] - 6)) {
          textRaw(line, size, x + 3, ty);
          ty -= size * 1.35f;
        }
        x += widths[i];
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= h;
  }

  /**
   * A line chart with a legend: {@code labels} along the x axis (some are skipped when crowded),
   * values between {@code min} and {@code max}; a null value leaves a gap.
   */
  public PdfReport lineChart(String caption, List<String> labels, List<Series> series, double min, double max) {
    float h = 170;
    space(h + 40);
    paragraph(caption, BODY);
    try {
      float left = MARGIN + 28;
      float right = MARGIN + width() - 8;
      float top = y - 6;
      float bottom = y - h + 18;
      content.setStrokingColor(new Color(0xDD, 0xDD, 0xDD));
      content.setLineWidth(0.4f);
      for (int i = 0; i <= 4; i++) {
        float gy = bottom + (top - bottom) * i / 4;
        content.moveTo(left, gy);
        content.lineTo(right, gy);
        content.stroke();
        textRaw(format(min + (max - min) * i / 4), 7, MARGIN, gy - 2.5f);
      }
      int n = labels.size();
      float step = n > 1 ? (right - left) / (n - 1) : 0;
      int every = Math.max(1, (int) Math.ceil(n / 12.0));
      for (int i = 0; i < n; i += every) {
        textRaw(labels.get(i), 6.5f, left + step * i - 8, bottom - 10);
      }
      for (Series s : series) {
        content.setStrokingColor(s.color());
        content.setLineWidth(1.4f);
        content.setLineDashPattern(s.dashed() ? new float[] {4, 3} : new float[0], 0);
        boolean drawing = false;
        for (int i = 0; i < Math.min(n, s.values().size()); i++) {
          Double v = s.values().get(i);
          if (v == null) {
            drawing = false;
            continue;
          }
          float px = left + step * i;
          float py = bottom + (float) ((Math.max(min, Math.min(max, v)) - min) / (max - min)) * (top - bottom);
          if (drawing) {
            content.lineTo(px, py);
          } else {
            content.moveTo(px, py);
            drawing = true;
          }
        }
        content.stroke();
      }
      content.setLineDashPattern(new float[0], 0);
      float lx = left;
      for (Series s : series) {
        content.setStrokingColor(s.color());
        content.setLineDashPattern(s.dashed() ? new float[] {4, 3} : new float[0], 0);
        content.moveTo(lx, bottom - 22);
        content.lineTo(lx + 18, bottom - 22);
        content.stroke();
        content.setLineDashPattern(new float[0], 0);
        textRaw(s.name(), 8, lx + 22, bottom - 25);
        lx += 40 + font.getStringWidth(s.name()) / 1000 * 8;
      }
      content.setStrokingColor(Color.BLACK);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= h + 14;
    return this;
  }

  public PdfReport pageBreak() {
    newPage();
    return this;
  }

  public byte[] toBytes() {
    try {
      content.close();
      int pages = document.getNumberOfPages();
      PDType1Font latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int i = 0; i < pages; i++) {
        try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
            PDPageContentStream.AppendMode.APPEND, true, true)) {
          footer.beginText();
          footer.setFont(latin, 8);
          footer.newLineAtOffset(PDRectangle.A4.getWidth() / 2 - 12, 25);
          footer.showText((i + 1) + " / " + pages);
          footer.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        document.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
  }

  private float width() {
    return PDRectangle.A4.getWidth() - 2 * MARGIN;
  }

  private void space(float needed) {
    if (y - needed < MARGIN + 10) {
      newPage();
    }
  }

  private void newPage() {
    try {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
      if (document.getNumberOfPages() > 1) {
        text(title, 8, MARGIN, y);
        y -= 16;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void text(String s, float size, float x, float baseline) {
    try {
      textRaw(s, size, x, baseline);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void textRaw(String s, float size, float x, float baseline) throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, baseline);
    content.showText(printable(s));
    content.endText();
  }

  /** Characters the font lacks (and controls) become '?', so one odd character never fails a report. */
  private String printable(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      boolean ok;
      try {
        ok = !Character.isISOControl(cp) && font.hasGlyph(cp);
      } catch (IOException e) {
        ok = false;
      }
      out.appendCodePoint(ok ? cp : '?');
    });
    return out.toString();
  }

  List<String> wrap(String text, float size, float maxWidth) {
    List<String> lines = new ArrayList<>();
    for (String para : (text == null ? "" : text).split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      float w = 0;
      int[] cps = printable(para).codePoints().toArray();
      for (int cp : cps) {
        float cw;
        try {
          cw = font.getStringWidth(new String(Character.toChars(cp))) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
          cw = size;
        }
        if (w + cw > maxWidth && line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
          w = 0;
        }
        line.appendCodePoint(cp);
        w += cw;
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.1f", v);
  }
}
