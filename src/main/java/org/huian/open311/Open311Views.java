package org.huian.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The answers of GeoReport v2 with the specification's field names and order. Date-times are
 * strings in the w3 format with the +08:00 offset; {@code null} fields are written (JSON
 * {@code null}, an empty XML element), as in the specification's examples.
 */
final class Open311Views {

  private Open311Views() {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Service(String serviceCode, String serviceName, String description, boolean metadata, String type,
      String keywords, String group) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ServiceDefinition(String serviceCode, List<Attribute> attributes) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder({"variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"})
  record Attribute(boolean variable, String code, String datatype, boolean required, String datatypeDescription,
      int order, String description, List<Value> values) {}

  record Value(String key, String name) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder({"service_request_id", "status", "status_notes", "service_name", "service_code", "description",
      "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
      "address", "address_id", "zipcode", "lat", "long", "media_url"})
  record Request(String serviceRequestId, String status, String statusNotes, String serviceName, String serviceCode,
      String description, String agencyResponsible, String serviceNotice, String requestedDatetime,
      String updatedDatetime, String expectedDatetime, String address, String addressId, String zipcode,
      Double lat, @JsonProperty("long") Double lon, String mediaUrl) {}

  /** The answer to POST requests: realtime, so the id and never a token. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Created(String serviceRequestId, String serviceNotice, String accountId) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record TokenAnswer(String serviceRequestId, String token) {}

  /** mySociety's servicerequestupdates extension: one timeline entry. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder({"update_id", "service_request_id", "status", "updated_datetime", "description", "media_url"})
  record Update(String updateId, String serviceRequestId, String status, String updatedDatetime, String description,
      String mediaUrl) {}

  record Error(int code, String description) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Discovery(String changeset, String contact, String keyService, List<Endpoint> endpoints) {}

  record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {}
}
