package org.huian.geography;

import org.huian.problem.RowError;
import org.huian.problem.FileRejectedException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A flat file of named columns as administrators supply them: UTF-8 CSV (RFC 4180, optional BOM)
 * or the first sheet of an {@code .xlsx} workbook with the same header row. Column names are
 * lower-cased and trimmed; every value is trimmed text. Row numbers are those a spreadsheet shows
 * (the header is row 1).
 */
public record TableFile(List<String> header, List<TableFile.Line> lines) {

  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** One data row; a missing trailing cell reads as "". */
  public record Line(int number, Map<String, String> values) {
    public String get(String column) {
      String v = values.get(column);
      return v == null ? "" : v;
    }
  }

  /** The largest file an import takes: a district of 3,000 units or staff is well under 1 MB. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  /** Reads an uploaded body of at most {@link #MAX_BYTES}; an empty or larger one is refused before parsing. */
  public static byte[] body(java.io.InputStream in) throws IOException {
    return body(in, MAX_BYTES, "请上传 CSV 或 .xlsx 文件");
  }

  /** Reads an uploaded body of at most {@code max} bytes; {@code expected} says what should have come. */
  public static byte[] body(java.io.InputStream in, int max, String expected) throws IOException {
    byte[] bytes = in.readNBytes(max + 1);
    if (bytes.length == 0 || bytes.length > max) {
      String message = bytes.length == 0 ? "请求体为空：" + expected : "文件过大（最大 " + max / (1024 * 1024) + " MB）";
      throw new FileRejectedException(message, List.of(new RowError(0, "file", message)));
    }
    return bytes;
  }

  /** Reads CSV, or XLSX when the media type says so or the bytes are a ZIP archive. */
  public static TableFile read(byte[] bytes, String mediaType) {
    boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    boolean xlsx = mediaType != null && mediaType.toLowerCase(Locale.ROOT).startsWith(XLSX);
    return xlsx || zip ? xlsx(bytes) : csv(bytes);
  }

  static TableFile csv(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw rejected("文件不是 UTF-8 编码的 CSV（请在 Excel 中另存为“CSV UTF-8”，或上传 .xlsx）");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> header = null;
      List<Line> lines = new ArrayList<>();
      for (CSVRecord r : parser) {
        List<String> cells = r.toList();
        if (header == null) {
          header = cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
          continue;
        }
        // the physical line where the record starts, counted like a spreadsheet's rows
        lines.add(line((int) r.getRecordNumber(), header, cells));
      }
      if (header == null) {
        throw rejected("文件为空：第 1 行须为表头");
      }
      return new TableFile(header, lines);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw rejected("文件不是有效的 CSV：" + e.getMessage());
    }
  }

  static TableFile xlsx(byte[] bytes) {
    try (Workbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
      if (book.getNumberOfSheets() == 0) {
        throw rejected("工作簿没有工作表");
      }
      Sheet sheet = book.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      List<String> header = null;
      List<Line> lines = new ArrayList<>();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        int last = Math.max(row.getLastCellNum(), 0);
        for (int c = 0; c < last; c++) {
          cells.add(text(row.getCell(c), formatter));
        }
        if (cells.stream().allMatch(String::isEmpty)) {
          continue;
        }
        if (header == null) {
          header = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
          continue;
        }
        lines.add(line(row.getRowNum() + 1, header, cells));
      }
      if (header == null) {
        throw rejected("工作表为空：第 1 行须为表头");
      }
      return new TableFile(header, lines);
    } catch (IOException | RuntimeException e) {
      if (e instanceof FileRejectedException f) {
        throw f;
      }
      throw rejected("文件不是有效的 .xlsx 工作簿");
    }
  }

  /** A code typed into Excel is a number; show it as its digits, never as 1.10101E+11. */
  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
      return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
    }
    if (cell.getCellType() == CellType.BOOLEAN) {
      return String.valueOf(cell.getBooleanCellValue());
    }
    return formatter.formatCellValue(cell).strip();
  }

  private static Line line(int number, List<String> header, List<String> cells) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      values.put(header.get(i), i < cells.size() ? cells.get(i).strip() : "");
    }
    if (cells.size() > header.size() && cells.subList(header.size(), cells.size()).stream().anyMatch(c -> !c.isBlank())) {
      values.put("", "extra");
    }
    return new Line(number, values);
  }

  /**
   * Checks the header against the columns a file may have: every required one present, nothing
   * unknown or repeated. Errors are reported on row 1.
   */
  public List<RowError> checkHeader(List<String> required, List<String> optional) {
    List<RowError> errors = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (String h : header) {
      if (h.isEmpty()) {
        errors.add(new RowError(1, "header", "表头有空列名"));
      } else if (seen.contains(h)) {
        errors.add(new RowError(1, h, "列名重复：" + h));
      } else if (!required.contains(h) && !optional.contains(h)) {
        errors.add(new RowError(1, h, "未知的列：" + h + "（可用的列：" + String.join(",", required)
            + (optional.isEmpty() ? "" : "，可选 " + String.join(",", optional)) + "）"));
      }
      seen.add(h);
    }
    for (String r : required) {
      if (!header.contains(r)) {
        errors.add(new RowError(1, r, "缺少必需的列：" + r));
      }
    }
    return errors;
  }

  private static FileRejectedException rejected(String message) {
    return new FileRejectedException(message, List.of(new RowError(1, "file", message)));
  }
}
