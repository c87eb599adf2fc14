package org.huian.geography;

import org.huian.problem.RowError;
import org.huian.problem.FileRejectedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The unit file rules, on the real embedded and fixture files and on small hand-made ones. */
class UnitImportTest {

  static final String HEADER = "code,name,level,parent_code,short_name,sort,case_prefix\n";
  static final String DISTRICT = "330110000000,余杭区综治中心,DISTRICT,,余杭区,1,YH\n";
  static final String STREET = "330110005000,五常街道综治中心,STREET,330110000000,五常街道,1,\n";
  static final String COMMUNITY = "330110005001,顾家桥社区,COMMUNITY,330110005000,,1,\n";

  static UnitImport.Plan plan(String csv, Map<String, Unit> existing) {
    return UnitImport.plan(TableFile.read(csv.getBytes(StandardCharsets.UTF_8), "text/csv"), existing, Map.of());
  }

  static Map<String, Unit> byCode(List<Unit> units) {
    Map<String, Unit> m = new LinkedHashMap<>();
    units.forEach(u -> m.put(u.code(), u));
    return m;
  }

  static List<RowError> refused(String csv) {
    try {
      plan(csv, Map.of());
    } catch (FileRejectedException e) {
      return e.errors();
    }
    throw new AssertionError("file was accepted:\n" + csv);
  }

  @Test
  void shouldReadTheEmbeddedDongchengFileAsTheTreeTheOldGeneratorMade() {
    List<Unit> units = Geography.embeddedDefaultUnits();
    assertThat(units).hasSize(1 + 17 + 169 + 1971);
    assertThat(units).filteredOn(u -> u.level() == Level.GRID).allSatisfy(g -> assertThat(g.districtCode()).isEqualTo("110101000000"));
  }

  @Test
  void shouldImportTheSecondDistrictFixtureAndNumberItsGridsWithoutCodes() throws IOException {
    UnitImport.Plan plan = plan(fixture(), Map.of());
    assertThat(plan.created()).hasSize(1 + 12 + 223 + 446);
    assertThat(plan.casePrefixes()).containsEntry("330110000000", "YH");
    Map<String, Unit> units = byCode(plan.created());
    assertThat(units.get("330110005001-01").name()).isEqualTo("顾家桥社区第1网格");
    assertThat(units.get("330110005001-02").parentCode()).isEqualTo("330110005001");
    assertThat(units.get("330110109000").name()).isEqualTo("径山镇综治中心"); // a town is a STREET-level unit
    assertThat(units.get("330110109000").level()).isEqualTo(Level.STREET);

    UnitImport.Plan again = plan(fixture(), units);
    assertThat(again.created()).isEmpty();
    assertThat(again.updated()).isEmpty();
    assertThat(again.unchanged()).hasSize(682);
  }

  @Test
  void shouldPadANineDigitStreetCodeAndRenameAndRetireInALaterFile() {
    Map<String, Unit> first = byCode(plan(HEADER + DISTRICT + "330110005,五常街道综治中心,STREET,330110000000,五常街道,1,\n" + COMMUNITY,
        Map.of()).created());
    assertThat(first).containsKey("330110005000");
    UnitImport.Plan later = plan("code,name,level,parent_code,retired\n"
        + "330110005001,顾家桥社区（新）,COMMUNITY,330110005000,true\n", first);
    assertThat(later.updated()).singleElement().satisfies(u -> {
      assertThat(u.name()).isEqualTo("顾家桥社区（新）");
      assertThat(u.retired()).isTrue();
    });
    assertThat(later.retired(first)).isEqualTo(1);
  }

  @Test
  void shouldRefuseEachMalformedFileWholeWithItsRowAndReason() {
    assertThat(refused(HEADER + DISTRICT + DISTRICT)).singleElement()
        .satisfies(e -> assertThat(e.row()).isEqualTo(3)).satisfies(e -> assertThat(e.message()).contains("重复"));
    assertThat(refused(HEADER + DISTRICT + "330110005001,顾家桥社区,COMMUNITY,330110005000,,1,\n")).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("parent_code")).satisfies(e -> assertThat(e.message()).contains("未登记"));
    assertThat(refused(HEADER + DISTRICT + "330110005001,顾家桥社区,COMMUNITY,330110000000,,1,\n")).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("上级须为街道"));
    assertThat(refused(HEADER + DISTRICT + "33011000500,五常,STREET,330110000000,,1,\n")).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("code")).satisfies(e -> assertThat(e.message()).contains("9 位或 12 位"));
    assertThat(refused(HEADER + DISTRICT + "330110005000,,STREET,330110000000,,1,\n")).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("name"));
    assertThat(refused(HEADER + DISTRICT + "330111005000,五常街道综治中心,STREET,330110000000,,1,\n")).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("不在上级单位"));
    assertThat(refused(HEADER + DISTRICT + STREET + "330110005001-01,网格,GRID,330110005000,,1,\n")).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("上级须为社区"));
    assertThat(refused(HEADER + DISTRICT + "330110005000,五常街道综治中心,COMMUNITY,330110000000,,1,\n")).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("level"));
    assertThat(refused("code,name,level,parent_code,colour\n" + DISTRICT.replace(",余杭区,1,YH", ","))).singleElement()
        .satisfies(e -> assertThat(e.row()).isEqualTo(1)).satisfies(e -> assertThat(e.message()).contains("未知的列"));
    assertThat(refused("code,name,level\n330110000000,余杭区综治中心,DISTRICT\n")).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("parent_code"));
    assertThat(refused(HEADER + DISTRICT + STREET.replace("STREET", "TOWN"))).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("level"));
    assertThat(refused(HEADER + DISTRICT + "110101000000,东城区综治中心,DISTRICT,,东城区,2,YH\n")).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("case_prefix"));
    assertThat(refused("code,name,level,parent_code,retired\n330110000000,余杭区,DISTRICT,,true\n330110005000,五常,STREET,330110000000,false\n"))
        .singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("retired"));
    // several mistakes: every one is listed, in row order (row 2 has an empty name and a bad code)
    assertThat(refused(HEADER + "x,,DISTRICT,,,1,\n" + DISTRICT + DISTRICT))
        .extracting(e -> e.row() + ":" + e.field()).containsExactly("2:name", "2:code", "4:code");
  }

  @Test
  void shouldReadTheSameColumnsFromAnXlsxWorkbookWithCodesTypedAsNumbers() throws IOException {
    byte[] xlsx;
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = book.createSheet("单位");
      String[][] rows = {{"code", "name", "level", "parent_code"}, {null, "余杭区综治中心", "DISTRICT", ""},
          {null, "五常街道综治中心", "STREET", null}};
      for (int r = 0; r < rows.length; r++) {
        XSSFRow row = sheet.createRow(r);
        for (int c = 0; c < 4; c++) {
          if (rows[r][c] != null) {
            row.createCell(c).setCellValue(rows[r][c]);
          }
        }
      }
      sheet.getRow(1).createCell(0).setCellValue(330110000000d); // what Excel stores for a typed code
      sheet.getRow(2).createCell(0).setCellValue(330110005000d);
      sheet.getRow(2).createCell(3).setCellValue(330110000000d);
      book.write(out);
      xlsx = out.toByteArray();
    }
    UnitImport.Plan plan = UnitImport.plan(TableFile.read(xlsx, TableFile.XLSX), Map.of(), Map.of());
    assertThat(plan.created()).extracting(Unit::code).containsExactly("330110000000", "330110005000");
    assertThat(plan.casePrefixes()).containsEntry("330110000000", "C330110");
  }

  @Test
  void shouldKeepTwoDistrictsApartInOneTree() throws IOException {
    List<Unit> all = new java.util.ArrayList<>(Geography.embeddedDefaultUnits());
    all.addAll(plan(fixture(), Map.of()).created());
    Geography geography = new Geography(all, Map.of("110101000000", "DC", "330110000000", "YH"));
    assertThat(geography.districts()).extracting(Unit::code).containsExactly("110101000000", "330110000000");
    assertThat(geography.all(Level.STREET, "330110000000")).hasSize(12);
    assertThat(geography.all(Level.STREET, "110101000000")).hasSize(17);
    assertThat(geography.districtOf("330110005001-01")).map(Unit::code).contains("330110000000");
    assertThat(geography.ancestorAt(geography.get("330110005001-01"), Level.DISTRICT)).map(Unit::name).contains("余杭区综治中心");
    assertThat(geography.casePrefix("330110000000")).isEqualTo("YH");
  }

  static String fixture() throws IOException {
    try (InputStream in = UnitImportTest.class.getResourceAsStream("/districts/yuhang/units.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
