package org.huian.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huian.privacy.SubjectExport.CaseData;
import org.huian.report.PdfReport;
import org.springframework.stereotype.Component;

/** A rights export as a readable workbook (one sheet per kind) and as a PDF (one section per case). */
@Component
class ExportFiles {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private final PdfReport pdf;

  ExportFiles(PdfReport pdf) {
    this.pdf = pdf;
  }

  byte[] xlsx(SubjectExport e) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      sheet(book, "说明", List.of("项目", "内容"), List.of(
          List.of("查询对象", (e.subjectKind().equals("PHONE") ? "电话 " : "身份证号 ") + e.subjectMasked()),
          List.of("生成时间", time(e.generatedAt())), List.of("生成人", e.generatedBy()),
          List.of("案件数", String.valueOf(e.cases().size())), List.of("网格上报数", String.valueOf(e.gridReports().size())),
          List.of("依据", "《个人信息保护法》第四十五条：个人有权查阅、复制其个人信息")));
      List<List<String>> cases = new ArrayList<>();
      List<List<String>> parties = new ArrayList<>();
      List<List<String>> events = new ArrayList<>();
      List<List<String>> notices = new ArrayList<>();
      List<List<String>> variables = new ArrayList<>();
      List<List<String>> tasks = new ArrayList<>();
      List<List<String>> files = new ArrayList<>();
      for (CaseData c : e.cases()) {
        c.attachments().forEach(a -> files.add(List.of(c.caseNo(), s(a.step()), s(a.caption()), a.contentType(),
            String.valueOf(a.size()), a.url(), time(a.createdAt()))));
        cases.add(List.of(c.caseNo(), c.status(), c.category(), c.title(), s(c.description()), s(c.address()), s(c.reporterName()),
            s(c.reporterPhone()), time(c.createdAt()), time(c.closedAt()), c.anonymised() ? "已匿名化" : "", s(c.legalHold())));
        c.parties().forEach(p -> parties.add(List.of(c.caseNo(), p.role(), p.kind(), p.name(), s(p.phone()))));
        c.timeline().forEach(ev -> events.add(List.of(c.caseNo(), time(ev.time()), ev.type(), s(ev.actor()), s(ev.note()))));
        c.notifications().forEach(n -> notices.add(List.of(c.caseNo(), n.kind(), n.recipient(), n.subject(), n.body(), n.status(),
            time(n.createdAt()))));
        c.processVariables().forEach(v -> variables.add(List.of(c.caseNo(), s(v.processKey()), v.name(), s(v.type()), s(v.value()),
            s(v.state()), time(v.createdAt()))));
        c.processTasks().forEach(t -> tasks.add(List.of(c.caseNo(), s(t.processKey()), s(t.name()), s(t.assignee()), time(t.startedAt()),
            time(t.endedAt()))));
      }
      e.notifications().forEach(n -> notices.add(List.of(s(n.caseNo()), n.kind(), n.recipient(), n.subject(), n.body(), n.status(),
          time(n.createdAt()))));
      sheet(book, "案件", List.of("案件编号", "状态", "类别", "标题", "描述", "地址", "反映人", "反映人电话", "受理时间", "办结时间", "匿名化", "法律保留"), cases);
      sheet(book, "当事人", List.of("案件编号", "角色", "类型", "姓名/名称", "电话"), parties);
      sheet(book, "时间线", List.of("案件编号", "时间", "类型", "经办人", "说明"), events);
      sheet(book, "通知", List.of("案件编号", "类型", "收件人", "主题", "正文", "状态", "时间"), notices);
      sheet(book, "网格上报", List.of("编号", "类型", "发生时间", "描述", "对象", "信用代码", "电话", "地址", "严重程度", "案件编号"),
          e.gridReports().stream().map(g -> List.of(g.reportNo(), g.kind(), time(g.occurredAt()), g.description(), s(g.subjectName()),
              s(g.subjectCode()), s(g.subjectPhone()), s(g.subjectAddress()), String.valueOf(g.severity()), s(g.caseNo()))).toList());
      sheet(book, "流程变量", List.of("案件编号", "流程", "变量", "类型", "值", "状态", "时间"), variables);
      sheet(book, "附件", List.of("案件编号", "环节", "说明", "类型", "字节", "下载地址", "上传时间"), files);
      sheet(book, "流程任务", List.of("案件编号", "流程", "任务", "办理人", "开始", "结束"), tasks);
      book.write(out);
      return out.toByteArray();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** One part of the PDF: a heading, its paragraphs, tables and small print. */
  record Section(String heading, List<String> paragraphs, List<Table> tables, List<String> notes) {}

  record Table(List<String> header, List<List<String>> rows) {}

  byte[] pdf(SubjectExport e) {
    String title = "个人信息查阅复制（" + (e.subjectKind().equals("PHONE") ? "电话 " : "身份证号 ") + e.subjectMasked() + "）";
    String intro = "依据《个人信息保护法》第四十五条，汇安系统中与该号码有关的全部个人信息如下。生成时间 " + time(e.generatedAt())
        + "，生成人 " + e.generatedBy() + "。共 " + e.cases().size() + " 件案件、" + e.gridReports().size() + " 条网格上报、"
        + e.notifications().size() + " 条其他通知。";
    List<Section> sections = new ArrayList<>();
    for (CaseData c : e.cases()) {
      List<String> paragraphs = new ArrayList<>();
      paragraphs.add("状态 " + c.status() + "，类别 " + c.category() + "，受理 " + time(c.createdAt()) + "，办结 " + time(c.closedAt())
          + (c.anonymised() ? "。已匿名化。" : "。") + (c.legalHold() == null ? "" : c.legalHold()));
      paragraphs.add("描述：" + s(c.description()) + (c.address() == null ? "" : "　地址：" + c.address()));
      if (!c.reporterAnonymous()) {
        paragraphs.add("反映人：" + s(c.reporterName()) + "　电话：" + s(c.reporterPhone()));
      }
      List<Table> tables = new ArrayList<>();
      if (!c.parties().isEmpty()) {
        tables.add(new Table(List.of("角色", "类型", "姓名/名称", "电话"),
            c.parties().stream().map(p -> List.of(p.role(), p.kind(), p.name(), s(p.phone()))).toList()));
      }
      if (!c.timeline().isEmpty()) {
        tables.add(new Table(List.of("时间", "类型", "说明"),
            c.timeline().stream().map(ev -> List.of(time(ev.time()), ev.type(), s(ev.note()))).toList()));
      }
      if (!c.notifications().isEmpty()) {
        tables.add(new Table(List.of("时间", "收件人", "正文"),
            c.notifications().stream().map(n -> List.of(time(n.createdAt()), n.recipient(), n.body())).toList()));
      }
      List<String> notes = new ArrayList<>();
      if (!c.attachments().isEmpty()) {
        notes.add("附件 " + c.attachments().size() + " 个：" + String.join("；", c.attachments().stream()
            .map(a -> s(a.caption()) + "（" + a.url() + "）").toList()));
      }
      if (!c.processVariables().isEmpty()) {
        notes.add("流程历史变量 " + c.processVariables().size() + " 个、任务 " + c.processTasks().size() + " 个（明细见 JSON 或 XLSX）。");
      }
      sections.add(new Section("案件 " + c.caseNo() + "：" + c.title(), paragraphs, tables, notes));
    }
    if (!e.gridReports().isEmpty()) {
      sections.add(new Section("网格上报", List.of(), List.of(new Table(List.of("编号", "发生时间", "对象", "电话", "描述"),
          e.gridReports().stream().map(g -> List.of(g.reportNo(), time(g.occurredAt()), s(g.subjectName()), s(g.subjectPhone()),
              g.description())).toList())), List.of()));
    }
    if (!e.notifications().isEmpty()) {
      sections.add(new Section("其他通知", List.of(), List.of(new Table(List.of("时间", "收件人", "正文"),
          e.notifications().stream().map(n -> List.of(time(n.createdAt()), n.recipient(), n.body())).toList())), List.of()));
    }
    return pdf.render("privacy-export", title, Map.of("intro", intro, "sections", sections));
  }

  private static void sheet(XSSFWorkbook book, String name, List<String> header, List<List<String>> rows) {
    Sheet sheet = book.createSheet(name);
    Row h = sheet.createRow(0);
    for (int i = 0; i < header.size(); i++) {
      h.createCell(i).setCellValue(header.get(i));
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r + 1);
      for (int i = 0; i < rows.get(r).size(); i++) {
        String v = rows.get(r).get(i);
        row.createCell(i).setCellValue(v.length() > 32000 ? v.substring(0, 32000) : v);
      }
    }
  }

  private static String time(Instant i) {
    return i == null ? "" : TIME.format(i);
  }

  private static String s(String v) {
    return v == null ? "" : v;
  }
}
