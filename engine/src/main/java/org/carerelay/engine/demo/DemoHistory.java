package org.carerelay.engine.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.partner.ServiceAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills the demo region with weeks of history ({@code carerelay.demo-history.weeks}, none by
 * default): rapid discharges and hospice referrals started through their start forms and driven
 * through the real pathways, every task completed by a member of the team it was offered to, with
 * the engine clock moved from the first day to now and every timer fired when due; partners answer
 * with the habits of {@link DemoHistoryProperties}. Runs once, on a region without cases, after
 * every other start-up step (teams, users, who may start which pathway) and before the job executor
 * starts; the cases started in the last hours are still open afterwards.
 */
@Component
@Profile("demo")
@Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
@EnableConfigurationProperties(DemoHistoryProperties.class)
class DemoHistory implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);
  private static final String HUB = "carerelay-hub";
  private static final int STILL_OPEN = 5;
  private static final List<String> DECLINE_REASONS = List.of("No carers free in this area this week",
      "We cannot start before Monday", "Outside the area we cover at present");
  private static final List<String> PATIENTS = List.of("Ada King Lovelace", "Mary Seacole", "Walter Tull",
      "Edith Cavell", "Noor Inayat Khan", "Alan Turing", "Rosalind Franklin", "Samuel Coleridge-Taylor");

  /** Something to do at a moment: start a case, or complete a task with these values as this user. */
  private record Step(Instant at, String pathway, String taskId, String user, String group,
      Map<String, Object> values) {}

  private final ProcessEngine engine;
  private final DemoHistoryProperties properties;
  private final PartnerDirectory directory;
  private final ServiceAvailability availability;
  private final JdbcClient jdbc;
  private final Map<String, String> userOfGroup = new HashMap<>();
  private final Set<String> scheduled = new HashSet<>();
  private final PriorityQueue<Step> steps = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));
  private Random random;

  DemoHistory(ProcessEngine engine, DemoHistoryProperties properties, PartnerDirectory directory,
      ServiceAvailability availability, JdbcClient jdbc) {
    this.engine = engine;
    this.properties = properties;
    this.directory = directory;
    this.availability = availability;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.weeks() <= 0) {
      return;
    }
    if (jdbc.sql("select count(*) from case_outcome").query(Long.class).single() > 0) {
      LOG.info("Demo history: the region has cases already; none added");
      return;
    }
    long began = System.nanoTime();
    random = new Random(properties.seed());
    Instant end = ClockUtil.getCurrentTime().toInstant();
    Instant first = end.minus(Duration.ofDays(7L * properties.weeks()));
    planStarts(first, end);
    try {
      int done = drive(first, end);
      LOG.info("Demo history: {} weeks, {} steps, in {} s", properties.weeks(), done,
          (System.nanoTime() - began) / 1_000_000_000);
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Cases start through the day in working hours, spread over every week; the last few in the hours
   * before now, so that some are still open when the history ends.
   */
  private void planStarts(Instant first, Instant end) {
    int cases = properties.weeks() * properties.casesPerWeek();
    for (int i = 1; i <= STILL_OPEN; i++) {
      steps.add(new Step(end.minus(Duration.ofMinutes(75L * i)), i % 3 == 0 ? "hospice-admission" : "rapid-discharge",
          null, null, null, null));
    }
    for (int i = 0; i < cases - STILL_OPEN; i++) {
      Instant day = first.plus(Duration.ofDays(7L * properties.weeks() * i / (cases - STILL_OPEN)));
      Instant at = day.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
          .plus(Duration.ofMinutes(8 * 60 + random.nextInt(10 * 60)));
      // A working hour of the first day before the history begins, or of today after now, moves a day
      // in, so the history has the same cases whatever the hour it is made at.
      if (!at.isAfter(first)) {
        at = at.plus(Duration.ofDays(1));
      } else if (!at.isBefore(end)) {
        at = at.minus(Duration.ofDays(1));
      }
      String pathway = random.nextDouble() < properties.hospiceShare() ? "hospice-admission" : "rapid-discharge";
      steps.add(new Step(at, pathway, null, null, null, null));
    }
  }

  private int drive(Instant first, Instant end) {
    int done = 0;
    List<DemoHistoryProperties.Absence> absences = new java.util.ArrayList<>(properties.absences());
    while (true) {
      runDueJobs();
      scheduleOpenTasks();
      Instant next = steps.isEmpty() ? null : steps.peek().at();
      Job timer = engine.getManagementService().createJobQuery().timers().orderByJobDuedate().asc().listPage(0, 1)
          .stream().findFirst().orElse(null);
      if (timer != null && timer.getDuedate() != null && (next == null || timer.getDuedate().toInstant().isBefore(next))) {
        next = timer.getDuedate().toInstant();
      }
      for (DemoHistoryProperties.Absence absence : absences) {
        Instant starts = first.plus(Duration.ofDays(absence.fromDay()));
        if (next == null || starts.isBefore(next)) {
          next = starts;
        }
      }
      if (next == null || next.isAfter(end)) {
        return done;
      }
      ClockUtil.setCurrentTime(Date.from(next));
      for (var absence : List.copyOf(absences)) {
        Instant starts = first.plus(Duration.ofDays(absence.fromDay()));
        if (!starts.isAfter(next)) {
          availability.change(absence.organisation(), absence.service(), false, absence.reason(),
              starts.plus(Duration.ofDays(absence.days())).atOffset(ZoneOffset.UTC), "demo-history");
          absences.remove(absence);
        }
      }
      if (!steps.isEmpty() && !steps.peek().at().isAfter(next)) {
        perform(steps.poll());
        done++;
      }
    }
  }

  private void runDueJobs() {
    for (int i = 0; i < 200; i++) {
      List<Job> due = engine.getManagementService().createJobQuery().executable().orderByJobDuedate().asc()
          .listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      try {
        engine.getManagementService().executeJob(due.get(0).getId());
      } catch (RuntimeException e) {
        LOG.warn("Demo history: a job failed ({}); it is left for the job executor", e.getMessage());
        engine.getManagementService().setJobRetries(due.get(0).getId(), 0);
      }
    }
  }

  private void perform(Step step) {
    try {
      if (step.taskId() == null) {
        start(step.pathway());
        return;
      }
      if (engine.getTaskService().createTaskQuery().taskId(step.taskId()).count() == 0) {
        return;
      }
      engine.getIdentityService().setAuthentication(step.user(), List.of(step.group()));
      engine.getTaskService().claim(step.taskId(), step.user());
      engine.getTaskService().complete(step.taskId(), step.values());
    } catch (RuntimeException e) {
      LOG.warn("Demo history: a step was refused ({}); the case goes on without it", e.getMessage());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void start(String pathway) {
    boolean hospice = pathway.equals("hospice-admission");
    boolean ed = !hospice && random.nextInt(4) == 0;
    String group = hospice ? "meadows-clinical" : ed ? "wdh-ed" : "wdh-ward";
    String locality = random.nextInt(3) == 0 ? "downs-coast" : "high-weald";
    String patient = PATIENTS.get(random.nextInt(PATIENTS.size()));
    Map<String, Object> form = hospice
        ? DemoPatients.hospiceReferral(patient, random.nextInt(3) == 0 ? "urgent" : "routine", locality)
        : DemoPatients.rapidDischarge(patient, ed ? "emergency-department" : "ward", locality);
    engine.getIdentityService().setAuthentication(userOf(group), List.of(group));
    engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(pathway).latestVersion().singleResult().getId(), form);
  }

  /** Gives every open task not yet planned its answer and the moment it is given. */
  private void scheduleOpenTasks() {
    // In an order that does not follow the engine's generated ids, so that a seed gives one history.
    List<Task> open = engine.getTaskService().createTaskQuery().active().list().stream()
        .filter(task -> !scheduled.contains(task.getId()))
        .sorted(java.util.Comparator.comparing((Task task) -> task.getCreateTime())
            .thenComparing(this::caseStart)
            .thenComparing(task -> String.valueOf(engine.getTaskService().getVariable(task.getId(), "service")))
            .thenComparing(Task::getTaskDefinitionKey))
        .toList();
    for (Task task : open) {
      scheduled.add(task.getId());
      String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).findFirst().orElse(HUB);
      String organisation = directory.contacts(group).map(PartnerDirectory.Contacts::organisation).orElse(null);
      DemoHistoryProperties.Habit habit = properties.habitOf(organisation);
      Instant created = task.getCreateTime().toInstant();
      Map<String, Object> values = new HashMap<>();
      Duration after = answer(task, habit, values);
      steps.add(new Step(created.plus(after), null, task.getId(), userOf(group), group, values));
    }
  }

  /** When the case a task belongs to started: the same in every run with the same seed. */
  private java.util.Date caseStart(Task task) {
    var history = engine.getHistoryService();
    var instance = history.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult();
    String root = instance.getRootProcessInstanceId() == null ? instance.getId() : instance.getRootProcessInstanceId();
    return history.createHistoricProcessInstanceQuery().processInstanceId(root).singleResult().getStartTime();
  }

  /** The values a task is completed with, and how long after it opened. */
  private Duration answer(Task task, DemoHistoryProperties.Habit habit, Map<String, Object> values) {
    String service = (String) engine.getTaskService().getVariable(task.getId(), "service");
    switch (task.getTaskDefinitionKey()) {
      case "user_respond" -> {
        if (random.nextDouble() < habit.declines()) {
          values.put("response", "decline");
          values.put("declineReason", DECLINE_REASONS.get(random.nextInt(DECLINE_REASONS.size())));
        } else {
          values.put("response", "accept");
          if ("hospice-inpatient".equals(service)) {
            values.put("triageDecision", List.of("admit-urgent", "admit-routine", "waiting-list", "waiting-list")
                .get(random.nextInt(4)));
          }
        }
        return spread(habit.respond());
      }
      case "user_complete" -> {
        values.put("completion", "done");
        values.put("completionNote", "Done as asked");
        return spread(habit.complete());
      }
      case "user_chase_respond", "user_chase_complete" -> {
        values.put("chaseNote", "Phoned the team; they are on it");
        values.put("chaseOutcome", "chased");
        return spread(Duration.ofMinutes(30));
      }
      case "user_no_partner_available" -> {
        values.put("hubDecision", "no-partner");
        values.put("cancelReason", "No partner could take it in time");
        return spread(Duration.ofHours(1));
      }
      case "user_provide_information" -> {
        values.put("additionalInformation", "Lives alone; the son visits daily");
        return spread(Duration.ofHours(1));
      }
      case "user_target_breached" -> {
        values.put("hubNote", "Chased everyone still outstanding");
        return spread(Duration.ofMinutes(40));
      }
      case "user_arrangements_missing" -> {
        values.put("arrangementsDecision", "go-ahead");
        values.put("hubNote", "The family will cover until it is in place");
        return spread(Duration.ofMinutes(40));
      }
      case "user_transport_failed" -> {
        values.put("transportNextStep", "proceed");
        values.put("hubNote", "The family will drive");
        return spread(Duration.ofMinutes(40));
      }
      case "user_funding_declined" -> {
        values.put("fundingNextStep", "proceed");
        values.put("hubNote", "The council funds it");
        return spread(Duration.ofHours(1));
      }
      case "user_confirm_discharge" -> {
        Duration after = spread(Duration.ofHours(2));
        values.put("dischargedAt", task.getCreateTime().toInstant().plus(after).toString());
        return after;
      }
      case "user_record_first_visit" -> {
        Duration after = spread(Duration.ofHours(4));
        values.put("firstVisitAt", task.getCreateTime().toInstant().plus(after).toString());
        return after;
      }
      case "user_confirm_bed" -> {
        Duration after = spread(Duration.ofHours(6));
        values.put("bedDate", task.getCreateTime().toInstant().plus(after).atZone(java.time.ZoneId.of("Europe/London"))
            .toLocalDate().toString());
        values.put("transportNeeded", random.nextBoolean());
        return after;
      }
      case "user_confirm_admission" -> {
        Duration after = spread(Duration.ofHours(3));
        values.put("admittedAt", task.getCreateTime().toInstant().plus(after).toString());
        return after;
      }
      case "user_review_waiting" -> {
        values.put("reviewDecision", random.nextInt(3) == 0 ? "still-waiting" : "bed-available");
        return spread(Duration.ofHours(2));
      }
      case "user_waiting_too_long" -> {
        values.put("waitingDecision", "keep-waiting");
        values.put("hubNote", "The family prefer to wait for this hospice");
        return spread(Duration.ofHours(1));
      }
      case "user_declined_everywhere" -> {
        values.put("declinedDecision", "hospice-at-home");
        values.put("hubNote", "Hospice at home instead");
        return spread(Duration.ofHours(1));
      }
      default -> {
        LOG.warn("Demo history: no answer for task {}; left open", task.getTaskDefinitionKey());
        return Duration.ofDays(3650);
      }
    }
  }

  /** Around {@code typical}: from 40 % to 160 % of it. */
  private Duration spread(Duration typical) {
    return Duration.ofSeconds((long) (typical.toSeconds() * (0.4 + 1.2 * random.nextDouble())));
  }

  private String userOf(String group) {
    return userOfGroup.computeIfAbsent(group, id -> engine.getIdentityService().createUserQuery().memberOfGroup(id)
        .orderByUserId().asc().listPage(0, 1).stream().map(User::getId).findFirst().orElse("demo"));
  }
}
