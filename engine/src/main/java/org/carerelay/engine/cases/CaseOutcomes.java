package org.carerelay.engine.cases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The moments a case's targets are measured by (table {@code case_outcome}), kept for the managers'
 * reports as each is reached: opened (decision to discharge, or referral), the target time, what
 * held it up when the target passed, and when it was achieved (home, or admitted).
 */
@Component
public class CaseOutcomes {

  private final JdbcClient jdbc;

  CaseOutcomes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void opened(String caseId, String processKey, String reference, String locality, Instant at) {
    jdbc.sql("insert into case_outcome (case_id, pathway, reference, locality, opened_at) values (?, ?, ?, ?, ?)")
        .params(caseId, processKey, reference, locality, at.atOffset(ZoneOffset.UTC)).update();
  }

  /** The setting the target depends on (ward or emergency department; the urgency of a referral). */
  public void target(String caseId, String setting, Instant targetAt) {
    jdbc.sql("update case_outcome set setting = ?, target_at = ? where case_id = ?")
        .params(setting, targetAt == null ? null : targetAt.atOffset(ZoneOffset.UTC), caseId).update();
  }

  /** The target passed with these services (their ids) not yet in place; none when only the ward had not confirmed. */
  public void heldUpBy(String caseId, Collection<String> services) {
    jdbc.sql("update case_outcome set held_up_by = ? where case_id = ?")
        .params(String.join(", ", services), caseId).update();
  }

  /** The pathway's aim was reached (the patient is home, or admitted); {@code targetMet} null when it has no target. */
  public void achieved(String caseId, Instant at, Boolean targetMet) {
    jdbc.sql("update case_outcome set achieved_at = ?, target_met = ? where case_id = ?")
        .params(at.atOffset(ZoneOffset.UTC), targetMet, caseId).update();
  }
}
