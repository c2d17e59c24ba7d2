package org.carerelay.engine.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much demo history to make ({@code carerelay.demo-history}): weeks of cases (none by default),
 * how many a week and what share are hospice referrals, and how each partner answers.
 */
@ConfigurationProperties("carerelay.demo-history")
record DemoHistoryProperties(int weeks, int casesPerWeek, double hospiceShare, long seed, Habit usual,
    Map<String, Habit> habits, List<Absence> absences) {

  /** How quickly an organisation answers and completes, and what share of its offers it declines. */
  record Habit(Duration respond, Duration complete, double declines) {}

  /** A service that is unavailable for some days, counted from the first day of the history. */
  record Absence(String organisation, String service, int fromDay, int days, String reason) {}

  DemoHistoryProperties {
    habits = habits == null ? Map.of() : habits;
    absences = absences == null ? List.of() : absences;
    usual = usual == null ? new Habit(Duration.ofMinutes(40), Duration.ofHours(5), 0.05) : usual;
  }

  Habit habitOf(String organisation) {
    return organisation == null ? usual : habits.getOrDefault(organisation, usual);
  }
}
