package org.huian.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders Huian's Chinese PDFs (health-check reports, dialogue bulletins and lists) from HTML + CSS
 * templates under {@code src/main/resources/templates/reports/}: Thymeleaf fills the template
 * (escaping every value), openhtmltopdf lays it out on A4 pages through PDFBox, with the CJK font
 * of {@link ReportProperties} embedded as a subset, tagged (PDF/UA), titled and in {@code zh-CN}.
 * The Java side only gathers the figures; headings, order, tables, colours, page breaks and page
 * numbers are the template's and {@code report.css}'s ({@code docs/reports.md}).
 *
 * <pre>{@code
 * byte[] pdf = pdfReport.render("health-street", title, Map.of("report", streetReport));
 * }</pre>
 */
@Component
public class PdfReport {

  /** The font family the templates name ({@code font-family: report-cjk}); it is the configured CJK font. */
  public static final String FONT_FAMILY = "report-cjk";
  static final String LANGUAGE = "zh-CN";
  private static final String PREFIX = "templates/reports/";

  private final ReportProperties properties;
  private final TemplateEngine templates;
  private final String css;

  public PdfReport(ReportProperties properties) {
    this.properties = properties;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PdfReport.class.getClassLoader());
    resolver.setPrefix(PREFIX);
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    this.templates = engine;
    this.css = resource(PREFIX + "report.css");
  }

  /**
   * Renders {@code templates/reports/<template>.html} to PDF. The template sees {@code title},
   * {@code css} (the shared {@code report.css}) and the entries of {@code model}.
   */
  public byte[] render(String template, String title, Map<String, ?> model) {
    return toPdf(xmlSafe(html(template, title, model)), title);
  }

  /** Characters XML does not allow (controls in a case's text, say) become '?', so one odd character never fails a report. */
  static String xmlSafe(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
          || (cp >= 0x10000 && cp <= 0x10FFFF);
      out.appendCodePoint(ok ? cp : '?');
    });
    return out.toString();
  }

  /** The filled-in XHTML, before layout (what a designer previews in a browser). */
  public String html(String template, String title, Map<String, ?> model) {
    Context context = new Context(java.util.Locale.SIMPLIFIED_CHINESE);
    model.forEach(context::setVariable);
    context.setVariable("title", title);
    context.setVariable("css", css);
    return templates.process(template, context);
  }

  byte[] toPdf(String xhtml, String title) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDFontSupplier font = new PDFontSupplier(loadFont(document, properties));
      PdfRendererBuilder builder = new PdfRendererBuilder()
          .usePDDocument(document)
          .usePdfUaAccessibility(true)
          .useSVGDrawer(new BatikSVGDrawer())
          .withProducer("Huian 汇安")
          // relative references (none today: images are data: URIs) resolve beside report.css
          .withHtmlContent(xhtml, PdfReport.class.getResource("/" + PREFIX + "report.css").toExternalForm());
      // one face for every weight and style, so no text falls back to a font that is not embedded
      for (int weight : new int[] {400, 700}) {
        builder.useFont(font, FONT_FAMILY, weight, FontStyle.NORMAL, true);
        builder.useFont(font, FONT_FAMILY, weight, FontStyle.ITALIC, true);
      }
      try (var renderer = builder.buildPdfRenderer()) {
        renderer.createPDFWithoutClosing();
      }
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(title);
      info.setCreator("Huian 汇安");
      document.getDocumentCatalog().setLanguage(LANGUAGE);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report " + title, e);
    }
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

  private static String resource(String name) {
    try (InputStream in = PdfReport.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing report resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
