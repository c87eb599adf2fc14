package org.huian.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one answer in either format from the same tree. JSON is the tree itself (lists as
 * arrays, as the specification's examples); XML follows the Spark convention backwards: the root
 * element wraps the list, each array element is named by its list ({@code services → service},
 * {@code attributes → attribute}), {@code null} is an empty element. No namespace, UTF-8, with
 * the XML declaration, as the specification requires.
 */
final class Open311Writer {

  /** The element name of one item of each list. */
  private static final Map<String, String> ITEMS = Map.of(
      "services", "service",
      "service_requests", "request",
      "service_request_updates", "request_update",
      "errors", "error",
      "attributes", "attribute",
      "values", "value",
      "endpoints", "endpoint",
      "formats", "format");

  // the JDK's own writer, whatever StAX implementation the class path brings (Woodstox, with S3Mock, writes
  // the declaration in single quotes): the same bytes as the specification's examples everywhere
  private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

  private final ObjectMapper json;

  Open311Writer(ObjectMapper json) {
    this.json = json;
  }

  /**
   * @param root the XML root element ({@code services}, {@code service_requests}, {@code discovery}…);
   *     a list's items are named by {@link #ITEMS}
   */
  byte[] write(Open311Format format, String root, Object body) {
    JsonNode tree = json.valueToTree(body);
    try {
      if (format == Open311Format.JSON) {
        return json.writeValueAsBytes(tree);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      element(xml, root, tree);
      xml.writeEndDocument();
      xml.close();
      return out.toByteArray();
    } catch (XMLStreamException | java.io.IOException e) {
      throw new IllegalStateException("cannot write an Open311 answer", e);
    }
  }

  private static void element(XMLStreamWriter xml, String name, JsonNode node) throws XMLStreamException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      xml.writeEmptyElement(name);
      return;
    }
    xml.writeStartElement(name);
    if (node.isArray()) {
      String item = ITEMS.getOrDefault(name, "item");
      for (JsonNode n : node) {
        element(xml, item, n);
      }
    } else if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var f = fields.next();
        element(xml, f.getKey(), f.getValue());
      }
    } else {
      xml.writeCharacters(xmlSafe(node.asText()));
    }
    xml.writeEndElement();
  }

  /** Characters XML 1.0 cannot carry at all (most controls) are dropped; stored text has none. */
  static String xmlSafe(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
        || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(out::appendCodePoint);
    return out.toString();
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
