package org.carerelay.engine.deployment;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carerelay.engine.time.PartnershipTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running cases of a pathway onto another version: a plan that maps the activities both
 * versions have ({@code mapEqualActivities}), a dry run that tries every case and rolls back, and the
 * migration of the chosen cases. Mapped timers keep their due time.
 */
@Component
class Migrations {

  record Timer(String activityId, String due) {}

  record CaseMove(String caseId, String reference, int fromVersion, boolean canMove, List<String> reasons,
      List<Timer> timers) {}

  record DryRun(String key, int toVersion, List<CaseMove> cases) {}

  record Migrated(String key, int toVersion, int cases, String by, String at) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final PartnershipTime time;

  Migrations(RepositoryService repository, RuntimeService runtime, ManagementService management,
      IdentityService identity, TransactionTemplate transaction, PartnershipTime time) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.identity = identity;
    this.transaction = transaction;
    this.time = time;
  }

  /** The version cases would move to: the given one, or the latest; null when the pathway has no such version. */
  ProcessDefinition target(String key, Integer version) {
    var query = repository.createProcessDefinitionQuery().processDefinitionKey(key);
    return version == null ? query.latestVersion().singleResult() : query.processDefinitionVersion(version).singleResult();
  }

  /** Every running case on another version: whether it could move to {@code target}, and why not. */
  DryRun dryRun(ProcessDefinition target) {
    List<CaseMove> moves = new ArrayList<>();
    for (ProcessDefinition source : repository.createProcessDefinitionQuery().processDefinitionKey(target.getKey())
        .list()) {
      if (source.getId().equals(target.getId())) {
        continue;
      }
      List<ProcessInstance> cases = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list();
      if (cases.isEmpty()) {
        continue;
      }
      MigrationPlan plan = null;
      List<String> planProblems = new ArrayList<>();
      try {
        plan = plan(source.getId(), target.getId());
      } catch (MigrationPlanValidationException e) {
        e.getValidationReport().getInstructionReports().forEach(report -> planProblems.addAll(report.getFailures()));
        planProblems.add(e.getMessage());
      }
      for (ProcessInstance instance : cases) {
        List<String> reasons = plan == null ? planProblems : tryMove(plan, instance.getId());
        moves.add(new CaseMove(instance.getId(), instance.getBusinessKey(), source.getVersion(), reasons.isEmpty(),
            reasons, timers(instance.getId())));
      }
    }
    return new DryRun(target.getKey(), target.getVersion(), moves);
  }

  /**
   * Migrates the chosen cases, version by version, as {@code user} in {@code groups}: Camunda checks
   * their permission to migrate, and its operation log keeps who and when.
   */
  Migrated migrate(ProcessDefinition target, List<String> caseIds, String user, List<String> groups) {
    java.util.Map<String, List<String>> bySource = new java.util.LinkedHashMap<>();
    for (String caseId : caseIds) {
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(caseId)
          .processDefinitionKey(target.getKey()).singleResult();
      if (instance == null) {
        throw new IllegalArgumentException("no running case " + caseId + " of " + target.getKey());
      }
      if (!instance.getProcessDefinitionId().equals(target.getId())) {
        bySource.computeIfAbsent(instance.getProcessDefinitionId(), source -> new ArrayList<>()).add(caseId);
      }
    }
    identity.setAuthentication(user, groups);
    try {
      bySource.forEach((source, ids) -> runtime.newMigration(plan(source, target.getId()))
          .processInstanceIds(ids).execute());
    } finally {
      identity.clearAuthentication();
    }
    return new Migrated(target.getKey(), target.getVersion(),
        bySource.values().stream().mapToInt(List::size).sum(), user, time.show(time.now()));
  }

  /** The plan both the dry run and the migration use: every activity both versions have is mapped. */
  private MigrationPlan plan(String sourceId, String targetId) {
    return runtime.createMigrationPlan(sourceId, targetId).mapEqualActivities().build();
  }

  /** Migrates one case in a transaction that is always rolled back: what would go wrong, if anything. */
  private List<String> tryMove(MigrationPlan plan, String caseId) {
    List<String> reasons = new ArrayList<>();
    transaction.executeWithoutResult(status -> {
      try {
        runtime.newMigration(plan).processInstanceIds(caseId).execute();
      } catch (MigratingProcessInstanceValidationException e) {
        reasons.addAll(e.getValidationReport().getFailures());
        for (MigratingActivityInstanceValidationReport activity : e.getValidationReport().getActivityInstanceReports()) {
          activity.getFailures().forEach(failure -> reasons.add(activity.getSourceScopeId() + ": " + failure));
        }
        if (reasons.isEmpty()) {
          reasons.add(e.getMessage());
        }
      } finally {
        status.setRollbackOnly();
      }
    });
    return reasons;
  }

  private List<Timer> timers(String caseId) {
    return management.createJobQuery().processInstanceId(caseId).timers().list().stream()
        .map((Job job) -> new Timer(management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getActivityId(), job.getDuedate() == null ? "" : time.show(job.getDuedate().toInstant())))
        .toList();
  }
}
