package org.huian.report;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huian.reports.*}: where generated reports are kept and which CJK font they embed.
 *
 * @param fontFiles TrueType fonts (.ttf or .ttc) tried in order; the first that exists is embedded
 *     (as a subset) in every PDF. PDFBox cannot subset CFF-outline fonts such as Noto CJK, so the
 *     default is Debian's {@code fonts-wqy-microhei}.
 * @param fontName the face to take from a .ttc collection ({@code WenQuanYiMicroHei})
 */
@ConfigurationProperties("huian.reports")
public record ReportProperties(List<Path> fontFiles, String fontName) {

  public ReportProperties {
    fontFiles = fontFiles == null || fontFiles.isEmpty()
        ? List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"))
        : List.copyOf(fontFiles);
    fontName = fontName == null || fontName.isBlank() ? "WenQuanYiMicroHei" : fontName;
  }
}
