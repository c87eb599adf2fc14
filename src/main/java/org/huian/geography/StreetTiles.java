package org.huian.geography;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The schematic tile layout of a district's streets for the maps (not real boundaries). A
 * district whose every active street has a tile in the embedded {@code street-tiles.csv} gets
 * that hand-made layout; any other district gets its streets in file order on a near-square grid.
 */
@Component
public class StreetTiles {

  static final String FILE = "data/dongcheng/street-tiles.csv";

  /** A street's place in the tile layout. */
  public record StreetTile(String streetCode, String name, int row, int col) {}

  private final Geography geography;
  private final Map<String, StreetTile> handMade = new LinkedHashMap<>();

  StreetTiles(Geography geography) {
    this.geography = geography;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8))) {
      in.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)) // street_code,name_short_zh,tile_row,tile_col
          .forEach(r -> handMade.put(r[0], new StreetTile(r[0], r[1], Integer.parseInt(r[2]), Integer.parseInt(r[3]))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE, e);
    }
  }

  public List<StreetTile> tiles(String districtCode) {
    List<Unit> streets = geography.all(Level.STREET, districtCode);
    List<StreetTile> tiles = new ArrayList<>();
    if (!streets.isEmpty() && streets.stream().allMatch(s -> handMade.containsKey(s.code()))) {
      java.util.Set<String> codes = new java.util.HashSet<>();
      streets.forEach(s -> codes.add(s.code()));
      handMade.values().stream().filter(t -> codes.contains(t.streetCode())).forEach(tiles::add); // the file's order
      return tiles;
    }
    int cols = (int) Math.ceil(Math.sqrt(streets.size()));
    for (int i = 0; i < streets.size(); i++) {
      tiles.add(new StreetTile(streets.get(i).code(), streets.get(i).shortName(), i / Math.max(cols, 1), i % Math.max(cols, 1)));
    }
    return tiles;
  }
}
