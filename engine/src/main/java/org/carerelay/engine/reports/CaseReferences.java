package org.carerelay.engine.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Cases' references, the words people know a case by, from the reports' read model. */
@Component
class CaseReferences {

  private static final int PER_QUERY = 500;

  private final JdbcClient jdbc;

  CaseReferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, String> of(List<String> caseIds) {
    Map<String, String> references = new HashMap<>();
    for (int from = 0; from < caseIds.size(); from += PER_QUERY) {
      jdbc.sql("select case_id, reference from case_outcome where case_id in (:ids)")
          .param("ids", caseIds.subList(from, Math.min(caseIds.size(), from + PER_QUERY)))
          .query((row, number) -> references.put(row.getString(1), row.getString(2))).list();
    }
    return references;
  }
}
