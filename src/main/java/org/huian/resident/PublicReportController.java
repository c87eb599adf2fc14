package org.huian.resident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.huian.attachment.GeoPoint;
import org.huian.attachment.PreparedFile;
import org.huian.attachment.Upload;
import org.huian.cases.CaseIntakeRequest;
import org.huian.cases.Category;
import org.huian.config.JsonProblems;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.geography.UnitBoundaries;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The login-free API of the resident's page (docs/field-and-residents.md): file a report with
 * photos, read a tracking link, and the district's streets, communities, boundaries and
 * categories for the form. Every answer that carries a token is {@code no-store}.
 */
@RestController
@Tag(name = "居民反映（无需登录）")
class PublicReportController {

  record CategoryEntry(String code, String name) {}

  record DistrictEntry(String code, String name, String shortName, boolean boundaries) {}

  record Place(String code, String name, String shortName) {}

  record StreetEntry(String code, String name, String shortName, List<Place> communities) {}

  record Units(Place district, List<StreetEntry> streets) {}

  /** A photo's position, read before its metadata was stripped; only when the resident allowed it. */
  record PhotoLocation(boolean found, Double lat, Double lon) {}

  private final ResidentReportService reports;
  private final ResidentPhotos photos;
  private final RateLimits limits;
  private final Geography geography;
  private final UnitBoundaries boundaries;
  private final ObjectMapper json;

  PublicReportController(ResidentReportService reports, ResidentPhotos photos, RateLimits limits, Geography geography,
      UnitBoundaries boundaries, ObjectMapper json) {
    this.reports = reports;
    this.photos = photos;
    this.limits = limits;
    this.geography = geography;
    this.boundaries = boundaries;
    this.json = json;
  }

  @Operation(summary = "居民提交反映（含照片）",
      description = "multipart/form-data：JSON 部分 report（category、description、streetCode 必填；communityCode、address、"
          + "lat/lon、title 可选；name 在非匿名时必填；phone 选填，须为手机号；anonymous 匿名反映不保留姓名和电话；website 须留空），"
          + "以及最多 9 个 files 照片。先校验全部照片，再受理案件并保存照片；任何一项不合格则不保存任何内容。"
          + "返回案件编号和私密查询链接 /track/{token}（仅此一次给出）。按 IP 和手机号限流（429，带 Retry-After）。")
  @PostMapping(value = "/api/public/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ResidentReportService.Filed> file(MultipartHttpServletRequest request) throws IOException {
    limits.take(RateLimits.Kind.REPORT_IP, request.getRemoteAddr());
    ResidentReport report = read(request);
    CaseIntakeRequest intake = reports.check(report);
    List<PreparedFile> files = photos.prepare(uploads(request.getFiles("files")));
    if (intake.reporter().phone() != null) {
      limits.take(RateLimits.Kind.REPORT_PHONE, intake.reporter().phone());
    }
    return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
        .header("Referrer-Policy", "no-referrer").body(reports.file(intake, files));
  }

  @Operation(summary = "读取照片的拍摄位置（居民勾选允许后才调用）",
      description = "multipart/form-data，部分 file。照片经检查后只读取其 GPS 位置并返回，不保存照片；没有位置信息时 found=false。")
  @PostMapping(value = "/api/public/photo-location", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<PhotoLocation> photoLocation(MultipartHttpServletRequest request) throws IOException {
    limits.take(RateLimits.Kind.READ_IP, request.getRemoteAddr());
    MultipartFile file = request.getFile("file");
    if (file == null) {
      throw new InvalidRequestException("file", "请选择一张照片");
    }
    PhotoLocation answer = photos.prepare(uploads(List.of(file))).stream().findFirst().flatMap(ResidentPhotos::gps)
        .map((GeoPoint p) -> new PhotoLocation(true, p.latitude(), p.longitude()))
        .orElse(new PhotoLocation(false, null, null));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
  }

  @Operation(summary = "按私密链接查询办理进度",
      description = "返回状态、当前承办单位、办理期限和公开的办理记录（固定用语），不含姓名、电话、当事人或办理人员。未知链接 404。")
  @GetMapping("/api/public/track/{token}")
  ResponseEntity<TrackingView> track(@PathVariable String token, HttpServletRequest request) {
    limits.take(RateLimits.Kind.READ_IP, request.getRemoteAddr());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer")
        .header("X-Robots-Tag", "noindex").body(reports.track(token));
  }

  @Operation(summary = "受理反映的区", description = "boundaries 表示该区已导入真实边界（居民页面显示地图）。")
  @GetMapping("/api/public/districts")
  List<DistrictEntry> districts() {
    return geography.districts().stream().filter(d -> !d.retired())
        .map(d -> new DistrictEntry(d.code(), d.name(), d.shortName(), boundaries.has(d.code()))).toList();
  }

  @Operation(summary = "一个区的街道和社区（居民选择事发地点）", description = "只含未撤销的单位；只有一个区时 district 可省略。")
  @GetMapping("/api/public/units")
  Units units(@RequestParam(required = false) String district) {
    Unit d = district(district);
    List<StreetEntry> streets = new ArrayList<>();
    for (Unit s : geography.children(d.code())) {
      if (s.retired() || s.level() != Level.STREET) {
        continue;
      }
      streets.add(new StreetEntry(s.code(), s.name(), s.shortName(), geography.children(s.code()).stream()
          .filter(c -> !c.retired() && c.level() == Level.COMMUNITY).map(PublicReportController::place).toList()));
    }
    return new Units(place(d), streets);
  }

  @Operation(summary = "一个区的单位边界（GeoJSON，居民页面的地图）", description = "与 /api/units/boundaries 相同；该区没有边界时 404。")
  @GetMapping("/api/public/boundaries")
  ResponseEntity<String> boundaries(@RequestParam(required = false) String district) {
    Unit d = district(district);
    String geojson = boundaries.geojson(d.code()).orElseThrow(() -> new NotFoundException("该区尚未导入边界：" + d.name()));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(geojson);
  }

  @Operation(summary = "事项类别")
  @GetMapping("/api/public/categories")
  List<CategoryEntry> categories() {
    return Arrays.stream(Category.values()).map(c -> new CategoryEntry(c.name(), c.nameZh())).toList();
  }

  private Unit district(String code) {
    if (code == null || code.isBlank()) {
      List<Unit> all = geography.districts().stream().filter(d -> !d.retired()).toList();
      if (all.size() == 1) {
        return all.get(0);
      }
      throw new InvalidRequestException("district", "请选择区");
    }
    return geography.findActive(code, Level.DISTRICT).orElseThrow(() -> new InvalidRequestException("district",
        "区代码未登记：" + (code.length() > 20 ? code.substring(0, 20) : code)));
  }

  private static Place place(Unit u) {
    return new Place(u.code(), u.name(), u.shortName());
  }

  /** The JSON part {@code report}, sent as a file part (a Blob) or as a plain form field. */
  private ResidentReport read(MultipartHttpServletRequest request) throws IOException {
    MultipartFile part = request.getFile("report");
    String text = part != null ? new String(part.getBytes(), StandardCharsets.UTF_8) : request.getParameter("report");
    if (text == null || text.isBlank()) {
      throw new InvalidRequestException("report", "缺少反映内容（JSON 部分 report）");
    }
    try {
      ResidentReport report = json.readValue(text, ResidentReport.class);
      if (report == null) {
        throw new InvalidRequestException("report", "反映内容须为 JSON 对象");
      }
      return report;
    } catch (JsonProcessingException e) {
      FieldError f = JsonProblems.fieldError(e);
      throw new InvalidRequestException(f.field().equals("body") ? "report" : f.field(),
          f.field().equals("body") ? "反映内容不是有效的 JSON" : f.message());
    }
  }

  private static List<Upload> uploads(List<MultipartFile> files) throws IOException {
    List<Upload> uploads = new ArrayList<>();
    for (MultipartFile f : files) {
      uploads.add(new Upload(f.getOriginalFilename() == null ? "photo" : f.getOriginalFilename(), f.getBytes()));
    }
    return uploads;
  }
}
