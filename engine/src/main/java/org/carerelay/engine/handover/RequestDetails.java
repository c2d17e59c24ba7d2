package org.carerelay.engine.handover;

import java.time.LocalDate;
import java.util.Date;
import java.util.regex.Pattern;
import org.carerelay.engine.forms.FormChoices;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.cases.RequestFacts;
import org.springframework.stereotype.Component;

/**
 * What a partner is told besides the request itself: the facts of the case its service needs, as
 * the partner directory lists them ({@code services[].needs}), one "Label: value" line each, with
 * choices in words and dates day first in the partnership's zone. A fact the case does not have is
 * left out.
 */
@Component
class RequestDetails {

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final PartnerDirectory directory;
  private final FormChoices choices;
  private final PartnershipTime time;

  RequestDetails(PartnerDirectory directory, FormChoices choices, PartnershipTime time) {
    this.directory = directory;
    this.choices = choices;
    this.time = time;
  }

  String of(Handoff handoff) {
    StringBuilder details = new StringBuilder();
    for (String fact : directory.serviceNeeds(handoff.service())) {
      Object value = handoff.execution().getVariable(fact);
      if (value == null || value.toString().isBlank()) {
        continue;
      }
      if (details.length() > 0) {
        details.append('\n');
      }
      details.append(RequestFacts.LABELS.getOrDefault(fact, fact)).append(": ").append(shown(fact, value));
    }
    return details.toString();
  }

  private String shown(String fact, Object value) {
    if (value instanceof Date date) {
      return time.show(date.toInstant());
    }
    if (value instanceof String text && ISO_DATE.matcher(text).matches()) {
      return time.show(LocalDate.parse(text));
    }
    return choices.label(fact, value);
  }
}
