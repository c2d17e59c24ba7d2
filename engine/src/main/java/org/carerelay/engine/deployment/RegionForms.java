package org.carerelay.engine.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.carerelay.engine.partner.DirectorySource.Locality;
import org.carerelay.engine.partner.DirectorySource.PartnerOption;
import org.carerelay.engine.partner.DirectorySource.ServiceOption;

/**
 * Forms name their region's choices instead of listing them, and get them from the partner
 * directory when CareRelay deploys them, so the same form serves any partnership:
 * <ul>
 *   <li>{@code "carerelay:options": "localities"}: the localities;
 *   <li>{@code "carerelay:options": "services"}: the services partners offer;
 *   <li>{@code "carerelay:options": "partners"}: the organisations, shown filtered to those that
 *       offer the hand-off's {@code service} in its {@code locality}, other than the {@code partner}
 *       asked now (a FEEL {@code valuesExpression}); routing checks the chosen one against the
 *       directory.
 * </ul>
 * The server checks a submitted locality or service against the deployed form's options.
 */
final class RegionForms {

  static final String OPTIONS_PROPERTY = "carerelay:options";
  static final String LOCALITIES = "localities";
  static final String SERVICES = "services";
  static final String PARTNERS = "partners";

  private static final ObjectMapper JSON = new ObjectMapper();

  private RegionForms() {}

  /** The form with its region's options filled in; unchanged when it asks for none. */
  static byte[] withRegion(byte[] form, List<Locality> localities, List<ServiceOption> services,
      List<PartnerOption> partners) {
    try {
      JsonNode root = JSON.readTree(form);
      if (!fill(root.path("components"), localities, services, partners)) {
        return form;
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException("A form is not valid JSON", e);
    }
  }

  private static boolean fill(JsonNode components, List<Locality> localities, List<ServiceOption> services,
      List<PartnerOption> partners) {
    boolean filled = false;
    for (JsonNode component : components) {
      String options = component.path("properties").path(OPTIONS_PROPERTY).asText();
      if (LOCALITIES.equals(options)) {
        ArrayNode values = ((ObjectNode) component).putArray("values");
        localities.forEach(locality -> values.addObject().put("label", locality.name()).put("value", locality.id()));
        filled = true;
      } else if (SERVICES.equals(options)) {
        ArrayNode values = ((ObjectNode) component).putArray("values");
        services.forEach(service -> values.addObject().put("label", service.name()).put("value", service.id()));
        filled = true;
      } else if (PARTNERS.equals(options)) {
        // form-js shows static values when a field has any, so the field has only the expression.
        ((ObjectNode) component).remove("values");
        ((ObjectNode) component).put("valuesExpression", partnersOffering(partners));
        filled = true;
      }
      filled |= fill(component.path("components"), localities, services, partners);
    }
    return filled;
  }

  /** FEEL: the partners that offer {@code service} in {@code locality}, except the one asked now. */
  private static String partnersOffering(List<PartnerOption> partners) {
    StringBuilder list = new StringBuilder("=[");
    for (PartnerOption partner : partners) {
      if (list.length() > 2) {
        list.append(", ");
      }
      list.append("{label: ").append(feelString(partner.name())).append(", value: ").append(feelString(partner.id()))
          .append(", offers: [");
      list.append(String.join(", ", partner.offers().stream().map(RegionForms::feelString).toList()));
      list.append("]}");
    }
    return list.append("][list contains(offers, service + \"@\" + locality) and value != partner]").toString();
  }

  private static String feelString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
