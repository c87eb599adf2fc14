package org.huian.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.huian.cases.CaseRepository;
import org.huian.cases.CaseRow;
import org.huian.problem.NotFoundException;
import org.huian.risk.GridReport;
import org.huian.risk.RiskRepository;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos and PDFs of cases and grid reports. Who may see a case (or a report) may see and add its
 * files; anyone else gets 404, as for a record that does not exist.
 */
@RestController
@Tag(name = "附件", description = "案件与网格上报的照片和 PDF：处置前后照片、协议扫描件")
class AttachmentController {

  private final AttachmentService attachments;
  private final CaseRepository cases;
  private final RiskRepository reports;

  AttachmentController(AttachmentService attachments, CaseRepository cases, RiskRepository reports) {
    this.attachments = attachments;
    this.cases = cases;
    this.reports = reports;
  }

  /** The answer to an upload: what is stored, and the photo's position when the reporter allowed it. */
  record UploadResult(List<Attachment> attachments, GeoPoint suggestedLocation) {}

  /** An owner's attachments. */
  record AttachmentList(List<Attachment> items) {}

  @Operation(summary = "为案件上传照片或 PDF",
      description = "multipart/form-data：一个或多个 file 部分（每个不超过 10 MB，每个环节最多 9 个），可选 step（处置环节）、"
          + "caption（说明）、clientRef（客户端生成的引用，重复提交只保存一次）、useLocation（为 true 时返回照片中的 GPS 位置作为地点建议，"
          + "位置本身不保存）。类型按文件内容判断：JPEG、PNG、WebP、PDF；图片在服务器上重新编码，EXIF（含 GPS）等元数据全部去除。")
  @ApiResponse(responseCode = "201", description = "已保存")
  @ApiResponse(responseCode = "200", description = "相同 clientRef 的重复提交，返回已保存的附件")
  @ApiResponse(responseCode = "413", description = "文件过大或图片像素过多", content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "415", description = "不支持的文件类型", content = @Content(mediaType = "application/problem+json"))
  @PostMapping(path = "/api/cases/{caseNo}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<UploadResult> uploadToCase(@PathVariable String caseNo,
      @RequestParam(name = "file", required = false) List<MultipartFile> file,
      @RequestParam(required = false) String step, @RequestParam(required = false) String caption,
      @RequestParam(required = false) String clientRef,
      @Parameter(description = "反映人同意时为 true：返回照片 EXIF 中的位置作为地点建议") @RequestParam(required = false) String useLocation,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    visibleCase(caseNo, user);
    return upload(AttachmentOwner.CASE, caseNo, file, step, caption, clientRef, useLocation, user);
  }

  @Operation(summary = "为网格上报信息上传照片或 PDF", description = "参数与规则同案件附件。")
  @ApiResponse(responseCode = "201", description = "已保存")
  @PostMapping(path = "/api/grid-reports/{reportNo}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<UploadResult> uploadToReport(@PathVariable String reportNo,
      @RequestParam(name = "file", required = false) List<MultipartFile> file,
      @RequestParam(required = false) String step, @RequestParam(required = false) String caption,
      @RequestParam(required = false) String clientRef, @RequestParam(required = false) String useLocation,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    visibleReport(reportNo, user);
    return upload(AttachmentOwner.GRID_REPORT, reportNo, file, step, caption, clientRef, useLocation, user);
  }

  @Operation(summary = "案件的附件", description = "按上传时间排序；其他单位的案件返回 404。")
  @GetMapping("/api/cases/{caseNo}/attachments")
  AttachmentList caseAttachments(@PathVariable String caseNo, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    visibleCase(caseNo, user);
    return new AttachmentList(attachments.list(AttachmentOwner.CASE, caseNo));
  }

  @Operation(summary = "网格上报信息的附件")
  @GetMapping("/api/grid-reports/{reportNo}/attachments")
  AttachmentList reportAttachments(@PathVariable String reportNo, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    visibleReport(reportNo, user);
    return new AttachmentList(attachments.list(AttachmentOwner.GRID_REPORT, reportNo));
  }

  @Operation(summary = "附件文件", description = "重新编码后的图片（不含任何元数据）或原 PDF。")
  @GetMapping("/api/attachments/{id}")
  ResponseEntity<byte[]> file(@PathVariable String id, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    Attachment a = visibleAttachment(id, user);
    byte[] bytes = attachments.content(id).orElseThrow(() -> notFound(id));
    return serve(bytes, a.contentType(), a);
  }

  @Operation(summary = "附件缩略图", description = "最长边 320 像素的 JPEG（透明图片为 PNG）；PDF 为第一页。")
  @GetMapping("/api/attachments/{id}/thumbnail")
  ResponseEntity<byte[]> thumbnail(@PathVariable String id, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    Attachment a = visibleAttachment(id, user);
    String type = attachments.thumbnailType(id).orElseThrow(() -> new NotFoundException("该附件没有缩略图：" + id));
    byte[] bytes = attachments.thumbnail(id).orElseThrow(() -> new NotFoundException("该附件没有缩略图：" + id));
    return serve(bytes, type, null);
  }

  private ResponseEntity<UploadResult> upload(AttachmentOwner owner, String ownerNo, List<MultipartFile> files, String step,
      String caption, String clientRef, String useLocation, CurrentUser user) {
    boolean location = "true".equalsIgnoreCase(useLocation);
    List<Attachment> repeated = attachments.existing(owner, ownerNo, clientRef);
    if (!repeated.isEmpty()) {
      return ResponseEntity.ok().body(new UploadResult(repeated, null));
    }
    List<Upload> uploads = new ArrayList<>();
    if (files != null) {
      for (MultipartFile f : files) {
        uploads.add(new Upload(f.getOriginalFilename(), bytes(f)));
      }
    }
    List<PreparedFile> prepared = attachments.prepare(uploads);
    List<Attachment> stored;
    try {
      stored = attachments.store(owner, ownerNo, step, caption, prepared, user.id(), clientRef);
    } catch (DataIntegrityViolationException e) {
      List<Attachment> winner = attachments.existing(owner, ownerNo, clientRef);
      if (winner.isEmpty()) {
        throw e;
      }
      return ResponseEntity.ok().body(new UploadResult(winner, null)); // a concurrent repeat won
    }
    GeoPoint suggested = location
        ? prepared.stream().map(PreparedFile::gps).flatMap(java.util.Optional::stream).findFirst().orElse(null)
        : null;
    URI where = URI.create(stored.get(0).url());
    return ResponseEntity.created(where).body(new UploadResult(stored, suggested));
  }

  private static byte[] bytes(MultipartFile f) {
    try {
      return f.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Attachment visibleAttachment(String id, CurrentUser user) {
    Attachment a = attachments.find(id).orElseThrow(() -> notFound(id));
    boolean visible = switch (a.owner()) {
      case CASE -> cases.find(a.ownerNo()).filter(c -> user.scope().canSee(c)).isPresent();
      case GRID_REPORT -> reports.find(a.ownerNo())
          .filter(r -> user.scope().covers(r.streetCode(), r.communityCode(), r.gridId())).isPresent();
    };
    if (!visible) {
      throw notFound(id);
    }
    return a;
  }

  private CaseRow visibleCase(String caseNo, CurrentUser user) {
    return cases.find(caseNo).filter(c -> user.scope().canSee(c))
        .orElseThrow(() -> new NotFoundException("案件不存在：" + caseNo));
  }

  private GridReport visibleReport(String reportNo, CurrentUser user) {
    return reports.find(reportNo).filter(r -> user.scope().covers(r.streetCode(), r.communityCode(), r.gridId()))
        .orElseThrow(() -> new NotFoundException("上报信息不存在：" + reportNo));
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("附件不存在：" + id);
  }

  private static ResponseEntity<byte[]> serve(byte[] bytes, String type, Attachment named) {
    ResponseEntity.BodyBuilder response = ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox");
    if (named != null && FileInspector.PDF.equals(type)) {
      response.header("Content-Disposition", ContentDisposition.inline()
          .filename("attachment-" + named.id() + ".pdf").build().toString());
    }
    return response.contentLength(bytes.length).body(bytes);
  }

}
