package org.carerelay.engine.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@DemoRegionTest
class PartnersApiTests {

  @LocalServerPort
  int port;

  @Test
  void listsEveryOrganisationWithTeamsServicesLocalitiesAndAvailability() throws Exception {
    HttpResponse<String> response = HttpCaller.basic(port, "ward-nurse", "demo").get("/api/partners");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode partners = new ObjectMapper().readTree(response.body());
    assertThat(partners).hasSize(13);
    JsonNode ashdown = null;
    for (JsonNode partner : partners) {
      if (partner.get("id").asText().equals("ashdown-hospice")) {
        ashdown = partner;
      }
    }
    assertThat(ashdown).isNotNull();
    assertThat(ashdown.get("name").asText()).isEqualTo("Ashdown Hospice");
    assertThat(ashdown.get("kind").asText()).isEqualTo("hospice");
    assertThat(ashdown.get("teams").toString()).contains("\"ashdown-ipu-triage\"", "\"ashdown-hospice-at-home\"");
    JsonNode inpatient = null;
    for (JsonNode service : ashdown.get("services")) {
      if (service.get("service").asText().equals("hospice-inpatient")) {
        inpatient = service;
      }
    }
    assertThat(inpatient).isNotNull();
    assertThat(inpatient.get("localities").toString()).isEqualTo("[\"high-weald\"]");
    assertThat(inpatient.get("available").asBoolean()).isTrue();
  }
}
