package org.huian.dialogue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huian.problem.NotFoundException;
import org.huian.report.PdfReport;
import org.huian.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The four lists (and the roster) as .xlsx, the quarterly bulletin and the annual effectiveness
 * list as PDF, all in Simplified Chinese and limited to what the caller may see.
 */
@Service
public class DialogueExports {

  public static final List<String> LISTS = List.of("roster", "problems", "tasks", "implementation", "effectiveness");

  private final ProblemRepository problems;
  private final TaskRepository tasks;
  private final ImplementationRepository implementation;
  private final EffectivenessRepository effectiveness;
  private final CycleRepository cycles;
  private final ImplementationService bulletins;
  private final EffectivenessService review;
  private final RosterService roster;
  private final DialogueSupport service;
  private final PdfReport pdf;

  DialogueExports(ProblemRepository problems, TaskRepository tasks, ImplementationRepository implementation,
      EffectivenessRepository effectiveness, CycleRepository cycles, ImplementationService bulletins,
      EffectivenessService review, RosterService roster, DialogueSupport service, PdfReport pdf) {
    this.problems = problems;
    this.tasks = tasks;
    this.implementation = implementation;
    this.effectiveness = effectiveness;
    this.cycles = cycles;
    this.bulletins = bulletins;
    this.review = review;
    this.roster = roster;
    this.service = service;
    this.pdf = pdf;
  }

  record Table(String title, List<String> header, List<List<String>> rows) {}

  @Transactional(readOnly = true)
  public byte[] xlsx(String list, String cycleNo, CurrentUser user) {
    Table t = switch (list) {
      case "roster" -> rosterTable(user);
      case "problems" -> problemTable(user, cycleNo);
      case "tasks" -> taskTable(user, cycleNo);
      case "implementation" -> implementationTable(user, cycleNo);
      case "effectiveness" -> effectivenessTable(user, cycleNo);
      default -> throw new NotFoundException("没有这份清单：" + DialogueRules.abbreviate(list) + "（可选 " + String.join("、", LISTS) + "）");
    };
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet(t.title());
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row title = sheet.createRow(0);
      Cell titleCell = title.createCell(0);
      titleCell.setCellValue(t.title() + (cycleNo == null ? "" : "（" + cycleNo + "）"));
      titleCell.setCellStyle(bold);
      Row header = sheet.createRow(1);
      for (int i = 0; i < t.header().size(); i++) {
        Cell c = header.createCell(i);
        c.setCellValue(t.header().get(i));
        c.setCellStyle(bold);
        sheet.setColumnWidth(i, 18 * 256);
      }
      for (int r = 0; r < t.rows().size(); r++) {
        Row row = sheet.createRow(r + 2);
        List<String> cells = t.rows().get(r);
        for (int i = 0; i < cells.size(); i++) {
          row.createCell(i).setCellValue(cells.get(i) == null ? "" : cells.get(i));
        }
      }
      sheet.createFreezePane(0, 2);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The quarterly (or annual) bulletin as PDF. */
  @Transactional(readOnly = true)
  public byte[] bulletinPdf(String bulletinNo, CurrentUser user) {
    ImplementationService.BulletinView b = bulletins.bulletin(bulletinNo, user);
    boolean annual = "ANNUAL".equals(b.kind());
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> overdue = new ArrayList<>();
    for (ImplementationService.BulletinEntryView e : b.entries()) {
      TaskRepository.Task t = tasks.requireTask(e.taskNo());
      List<String> row = List.of(t.taskNo(), t.title(), service.unitName(t.responsibleUnit()), String.valueOf(e.deadline()),
          e.progress() + "%", TaskStatus.valueOf(e.status()).nameZh(),
          e.overdue() ? "逾期" : "—", e.escalated() ? "已提级" : "—");
      rows.add(row);
      if (e.overdue()) {
        overdue.add(row);
      }
    }
    List<List<String>> calledIn = new ArrayList<>();
    if (annual) {
      for (ImplementationService.CalledInUnit a : b.calledIn()) {
        calledIn.add(List.of(a.unitName(), String.valueOf(a.score())));
      }
    }
    return pdf.render("dialogue-bulletin", annual ? "平安恳谈任务年度考核通报" : "平安恳谈任务落实情况季度通报", Map.of(
        "bulletinNo", b.bulletinNo(), "asOf", String.valueOf(b.asOf()), "summary", String.valueOf(b.summary()),
        "annual", annual, "tasks", rows, "overdue", overdue, "calledIn", calledIn));
  }

  /** The annual effectiveness list (成效清单) as PDF, with the area's safety index before and after where known. */
  @Transactional(readOnly = true)
  public byte[] effectivenessPdf(String cycleNo, CurrentUser user) {
    CycleRepository.Cycle cycle = cycles.cycle(cycleNo)
        .orElseThrow(() -> new NotFoundException("年度循环不存在：" + DialogueRules.abbreviate(cycleNo)));
    Table t = effectivenessTable(user, cycleNo);
    List<List<String>> rows = new ArrayList<>();
    for (EffectivenessRepository.Assessment a : effectiveness.assessments(user.scope(), cycleNo)) {
      rows.add(List.of(service.unitName(a.unitCode()), String.valueOf(a.taskCount()), String.valueOf(a.onTime()),
          a.solved() + " / " + a.partly() + " / " + a.notSolved(), String.valueOf(a.score()), nz(a.grade()),
          Boolean.TRUE.equals(a.admonish()) ? "约谈" : "—"));
    }
    return pdf.render("dialogue-effectiveness", cycle.year() + " 年度平安恳谈成效清单", Map.of(
        "cycleNo", cycleNo, "status", cycle.status().nameZh(), "reviewSummary", cycle.reviewSummary() == null ? "" : cycle.reviewSummary(),
        "items", t, "assessments", rows));
  }

  // -------------------------------------------------------------------------------------- tables

  private Table rosterTable(CurrentUser user) {
    List<List<String>> rows = new ArrayList<>();
    for (RosterService.OfficerView o : roster.list(user, null)) {
      rows.add(List.of(s(o.officerNo()), s(o.name()), s(o.organisationName()), s(o.role()), s(o.contact()), s(o.streetName())));
    }
    return new Table("政法干警名册", List.of("编号", "姓名", "所属单位", "职务", "联系方式", "联系街道"), rows);
  }

  private Table problemTable(CurrentUser user, String cycleNo) {
    List<List<String>> rows = new ArrayList<>();
    for (ProblemRepository.Problem p : problems.problems(user.scope(), cycleNo, null)) {
      ProblemRepository.Meeting m = problems.meeting(p.meetingNo()).orElseThrow();
      String links = String.join("；", problems.links(p.problemNo()).stream()
          .map(l -> l.kind().nameZh() + " " + l.reference()).toList());
      rows.add(List.of(p.problemNo(), service.unitName(p.streetCode()), m.meetingNo(), m.mode().nameZh(), m.date().toString(),
          p.title(), nz(p.description()), links.isEmpty() ? "—" : links, p.taskNo() == null ? "待研判" : p.taskNo()));
    }
    return new Table("问题清单", List.of("问题编号", "街道", "恳谈编号", "恳谈方式", "恳谈日期", "问题", "描述", "关联事项", "转化任务"), rows);
  }

  private Table taskTable(CurrentUser user, String cycleNo) {
    List<List<String>> rows = new ArrayList<>();
    for (TaskRepository.Task t : tasks.tasks(user.scope(), cycleNo)) {
      rows.add(List.of(t.taskNo(), t.title(), t.target(), service.unitName(t.responsibleUnit()), t.deadline().toString(),
          String.join("、", problems.problemsOfTask(t.taskNo()).stream().map(ProblemRepository.Problem::problemNo).toList()),
          t.status().nameZh()));
    }
    return new Table("任务清单", List.of("任务编号", "任务", "可衡量目标", "责任单位", "完成期限", "来源问题", "状态"), rows);
  }

  private Table implementationTable(CurrentUser user, String cycleNo) {
    List<List<String>> rows = new ArrayList<>();
    java.time.LocalDate today = DialogueClock.today();
    for (TaskRepository.Task t : tasks.tasks(user.scope(), cycleNo)) {
      List<ImplementationRepository.Progress> reports = implementation.progress(t.taskNo());
      ImplementationRepository.Progress last = reports.isEmpty() ? null : reports.get(reports.size() - 1);
      rows.add(List.of(t.taskNo(), t.title(), service.unitName(t.responsibleUnit()), t.deadline().toString(),
          t.progress() + "%", last == null ? "尚未报告" : last.narrative(), String.valueOf(reports.size()),
          t.status().nameZh(), t.overdueOn(today) ? "逾期" : "—",
          t.coordinationReason() == null ? "—" : ("OVERDUE".equals(t.coordinationReason()) ? "逾期提级" : "难点申报")
              + (t.coordinationDecision() == null ? "" : "：" + t.coordinationDecision())));
    }
    return new Table("落实清单", List.of("任务编号", "任务", "责任单位", "完成期限", "进度", "最新进展", "报告次数", "状态", "逾期", "专题协调"), rows);
  }

  private Table effectivenessTable(CurrentUser user, String cycleNo) {
    List<List<String>> rows = new ArrayList<>();
    for (TaskRepository.Task t : tasks.tasks(user.scope(), cycleNo)) {
      EffectivenessService.IndexPair index = review.indexPair(t);
      rows.add(List.of(t.taskNo(), t.title(), service.unitName(t.responsibleUnit()), t.onTime() ? "按期完成" : "未按期",
          t.rating() == null ? "待评定" : t.rating().nameZh(), nz(t.ratingEvidence()), idx(index.before()), idx(index.after())));
    }
    return new Table("成效清单", List.of("任务编号", "任务", "责任单位", "按期", "成效", "评定依据", "评估前指数", "评估后指数"), rows);
  }

  private static String idx(BigDecimal v) {
    return v == null ? "—" : v.toPlainString();
  }

  private static String nz(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }

  private static String s(Object o) {
    return o == null ? "" : o.toString();
  }
}
