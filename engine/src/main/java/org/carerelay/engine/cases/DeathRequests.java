package org.carerelay.engine.cases;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.carerelay.processes.cases.RecordDeath;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hands a recorded death to its case, whether it came over REST or from Tasklist. */
@Service
public class DeathRequests {

  /** What came of a death sent to a case. */
  public enum Result { RECORDED, NOT_OPEN }

  private final RuntimeService runtime;

  DeathRequests(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Transactional
  public Result record(String caseId, Instant diedAt, String placeOfDeath) {
    try {
      runtime.createMessageCorrelation(RecordDeath.PATIENT_DIED).processInstanceId(caseId)
          .setVariables(Map.of(RecordDeath.Vars.DIED_AT, Date.from(diedAt),
              RecordDeath.Vars.PLACE_OF_DEATH, placeOfDeath))
          .correlate();
      return Result.RECORDED;
    } catch (MismatchingMessageCorrelationException e) {
      return Result.NOT_OPEN;
    }
  }
}
