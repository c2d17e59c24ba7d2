package org.carerelay.engine.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.time.PartnershipTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Not in the future" and the reading of typed dates and times, with the engine clock either side
 * of midnight UTC in summer (London one hour ahead) and in winter (London on UTC). The JVM's own zone
 * plays no part: the surefire run of these tests uses UTC+14.
 */
class FormDateRulesTests {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmxxx");
  private static final JsonNode FORM = form();

  private final PartnershipTime time = new PartnershipTime(LONDON, Duration.ofMinutes(5));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "engine clock at {0}")
  @ValueSource(strings = {"2026-06-01T23:30:00Z", "2026-06-02T00:30:00Z", "2026-12-01T23:30:00Z", "2026-12-02T00:30:00Z"})
  void aMomentIsJudgedByTheEngineClockAllowingFiveMinutesOfSkew(String clock) {
    Instant now = at(clock);

    assertThat(problems("leftAt", typedInLondon(now.minus(Duration.ofMinutes(10))))).isEmpty();
    assertThat(problems("leftAt", typedInLondon(now.plus(Duration.ofMinutes(4))))).as("within the skew").isEmpty();
    assertThat(problems("leftAt", typedInLondon(now.plus(Duration.ofMinutes(10)))))
        .containsExactly("Left hospital at (leftAt): must not be in the future (it is now " + time.show(now) + ")");
    assertThat(problems("leftAt", typedInLondon(now.plus(Duration.ofHours(3))))).as("later the same day").hasSize(1);
    assertThat(problems("leftAt", typedInLondon(now.minus(Duration.ofHours(3))))).as("earlier, across midnight").isEmpty();
  }

  @ParameterizedTest(name = "engine clock at {0}")
  @ValueSource(strings = {"2026-06-01T23:30:00Z", "2026-06-02T00:30:00Z", "2026-12-01T23:30:00Z", "2026-12-02T00:30:00Z"})
  void aDateIsJudgedByTodayInTheParnershipsZone(String clock) {
    LocalDate todayInLondon = LocalDate.ofInstant(at(clock), LONDON);

    assertThat(problems("born", todayInLondon.toString())).isEmpty();
    assertThat(problems("born", todayInLondon.minusDays(1).toString())).isEmpty();
    assertThat(problems("born", todayInLondon.plusDays(1).toString()))
        .containsExactly("Date of birth (born): must not be in the future (today is " + time.show(todayInLondon) + ")");
  }

  @Test
  void aNursesEntryAtHalfPastMidnightSummerTimeIsAcceptedOnAServerInUtc() {
    at("2026-05-31T23:35:00Z"); // 00:35 BST on 1 June, still 31 May in UTC

    assertThat(problems("leftAt", "2026-06-01T00:30+01:00")).isEmpty();
    assertThat(problems("leftAt", "2026-06-01T00:30")).as("no offset: read in London").isEmpty();
    assertThat(problems("born", "2026-06-01")).as("today in London, tomorrow in UTC").isEmpty();
    assertThat(problems("leftAt", "2026-06-01T09:00+01:00")).as("later today is in the future").hasSize(1);
  }

  @Test
  void aDateOfBirthMoreThan120YearsAgoIsRefusedShowingHowItWasRead() {
    at("2026-11-28T19:31:00Z");

    assertThat(problems("born", "1906-11-28")).as("120 years ago today").isEmpty();
    assertThat(problems("born", "1906-11-27")).containsExactly(
        "Date of birth (born): reads as 27 Nov 1906, more than 120 years ago: check the day, month and year");
    assertThat(problems("born", "2026-11-29")).singleElement().asString().contains("must not be in the future");
  }

  @Test
  void aTimeWithoutAnOffsetIsReadInThePartnershipsZone() {
    assertThat(time.instant("2026-06-01T00:30")).isEqualTo(Instant.parse("2026-05-31T23:30:00Z"));
    assertThat(time.instant("2026-12-01T00:30")).isEqualTo(Instant.parse("2026-12-01T00:30:00Z"));
    assertThat(time.instant("2026-12-01T00:30:00.000+0100")).isEqualTo(Instant.parse("2026-11-30T23:30:00Z"));
    assertThat(time.instant("2026-12-01")).as("a date: its start in London").isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(time.date(Date.from(Instant.parse("2026-05-31T23:30:00Z")))).isEqualTo(LocalDate.parse("2026-06-01"));
  }

  @Test
  void aTimeTheClocksSkipOrRepeatIsRefusedAskingForTheOffset() {
    at("2026-11-28T19:31:00Z");

    assertThat(problems("leftAt", "2026-03-29T01:30")).singleElement().asString()
        .contains("does not exist in Europe/London (the clocks went forward)").contains("2026-03-29T01:30+01:00");
    assertThat(problems("leftAt", "2026-10-25T01:30")).singleElement().asString()
        .contains("happened twice in Europe/London (the clocks went back)")
        .contains("2026-10-25T01:30+01:00 or 2026-10-25T01:30Z");
  }

  @Test
  void anUnreadableValueIsRefusedNamingTheFieldAndTheFormat() {
    at("2026-11-28T19:31:00Z");

    assertThat(problems("leftAt", "28/11/2026 19:31"))
        .containsExactly("Left hospital at (leftAt): expected a date and time such as 2026-11-28T19:31+00:00");
    assertThat(problems("leftAt", "2026-11-28")).as("a date alone is not a moment")
        .containsExactly("Left hospital at (leftAt): expected a date and time such as 2026-11-28T19:31+00:00");
    assertThat(problems("born", "14/03/1941"))
        .containsExactly("Date of birth (born): expected a date such as 2026-11-28");
    assertThat(problems("visitTime", "7pm")).containsExactly("Visit time (visitTime): expected a time of day such as 19:31");
  }

  private static Instant at(String clock) {
    Instant now = Instant.parse(clock);
    ClockUtil.setCurrentTime(Date.from(now));
    return now;
  }

  private static String typedInLondon(Instant instant) {
    return TYPED.format(instant.atZone(LONDON));
  }

  private List<String> problems(String field, Object value) {
    return FormRules.problems(FORM, Map.of(field, value), expression -> false, time).stream()
        .map(FieldProblem::text).toList();
  }

  private static JsonNode form() {
    try {
      return new ObjectMapper().readTree("""
          {"components": [
            {"type": "datetime", "key": "leftAt", "subtype": "datetime", "dateLabel": "Left hospital at",
             "timeSerializingFormat": "utc_offset", "properties": {"carerelay:notInFuture": "true"}},
            {"type": "datetime", "key": "born", "subtype": "date", "dateLabel": "Date of birth",
             "properties": {"carerelay:notInFuture": "true", "carerelay:withinPast": "P120Y"}},
            {"type": "datetime", "key": "visitTime", "subtype": "time", "timeLabel": "Visit time"}
          ]}""");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
