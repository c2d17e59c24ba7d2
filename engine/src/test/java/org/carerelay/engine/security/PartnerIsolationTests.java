package org.carerelay.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.PostgresTest;
import org.carerelay.engine.TeamTaskProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user of one organisation can neither list, read, claim, complete nor read the variables of
 * another organisation's task or case, through REST or Tasklist, by list or by a guessed id.
 * On PostgreSQL, as in production.
 */
@PostgresTest
class PartnerIsolationTests {

  private static final String HOSPICE_TEAM = "ashdown-ipu-triage";
  private static final String ICB_TEAM = "icb-chc";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcClient jdbc;

  TeamTaskProbe.Case hospiceCase;
  TeamTaskProbe.Case icbCase;

  @BeforeEach
  void startOneCaseForEachOrganisation() {
    TeamTaskProbe probe = new TeamTaskProbe(engine);
    hospiceCase = probe.startFor(HOSPICE_TEAM, "Hospice Patient");
    icbCase = probe.startFor(ICB_TEAM, "Icb Patient");
  }

  @Test
  void runsOnPostgresqlWithCamundasSchemaAndTheDirectory() {
    String product = jdbc.sql("select version()").query(String.class).single();
    assertThat(product).startsWith("PostgreSQL");
    assertThat(jdbc.sql("select count(*) from act_ru_task").query(Long.class).single()).isPositive();
    assertThat(jdbc.sql("select count(*) from partner_organisation").query(Long.class).single()).isEqualTo(13);
  }

  @Test
  void overRestAnotherOrganisationsTaskCannotBeListedReadClaimedOrCompleted() {
    HttpCaller icbUser = HttpCaller.basic(port, "chc-nurse", "demo");
    String foreignTask = "/engine-rest/task/" + hospiceCase.task().getId();

    String list = icbUser.get("/engine-rest/task").body();
    assertThat(list).contains(icbCase.task().getId()).doesNotContain(hospiceCase.task().getId());
    assertThat(icbUser.get("/engine-rest/task?candidateGroup=" + HOSPICE_TEAM).body()).isEqualTo("[]");
    int listed = JsonPath.<List<?>>read(list, "$").size();
    assertThat(listed).isPositive();
    assertThat(icbUser.get("/engine-rest/task/count").body()).as("counts only the tasks it may see")
        .isEqualTo("{\"count\":" + listed + "}");
    assertThat(icbUser.get("/engine-rest/task/count?candidateGroup=" + HOSPICE_TEAM).body()).isEqualTo("{\"count\":0}");

    assertThat(icbUser.get(foreignTask).statusCode()).isIn(403, 404);
    assertThat(icbUser.get(foreignTask + "/variables").statusCode()).isIn(403, 404);
    assertThat(icbUser.get(foreignTask + "/variables").body()).doesNotContain("Hospice Patient");
    assertThat(icbUser.postJson(foreignTask + "/claim", "{\"userId\":\"chc-nurse\"}").statusCode()).isEqualTo(403);
    assertThat(icbUser.postJson(foreignTask + "/complete", "{}").statusCode()).isEqualTo(403);
    assertThat(icbUser.postJson(foreignTask + "/assignee", "{\"userId\":\"chc-nurse\"}").statusCode()).isEqualTo(403);

    assertThat(engine.getTaskService().createTaskQuery().taskId(hospiceCase.task().getId()).singleResult().getAssignee())
        .as("the hospice's task is untouched").isNull();
  }

  @Test
  void overRestAnotherOrganisationsCaseAndItsVariablesStayHidden() {
    HttpCaller icbUser = HttpCaller.basic(port, "chc-nurse", "demo");
    String foreignCase = "/engine-rest/process-instance/" + hospiceCase.instance().getId();

    assertThat(icbUser.get("/engine-rest/process-instance").body()).doesNotContain(hospiceCase.instance().getId());
    assertThat(icbUser.get(foreignCase).statusCode()).isIn(403, 404);
    assertThat(icbUser.get(foreignCase + "/variables").statusCode()).isIn(403, 404);
    assertThat(icbUser.get("/engine-rest/variable-instance?processInstanceIdIn=" + hospiceCase.instance().getId()).body())
        .isEqualTo("[]");
    assertThat(icbUser.get("/engine-rest/history/variable-instance?processInstanceId=" + hospiceCase.instance().getId())
        .body()).isEqualTo("[]");
    assertThat(icbUser.get("/engine-rest/history/task?processInstanceId=" + hospiceCase.instance().getId()).body())
        .isEqualTo("[]");
    assertThat(icbUser.get("/engine-rest/history/process-instance?processInstanceId=" + hospiceCase.instance().getId())
        .body()).isEqualTo("[]");
  }

  @Test
  void inTasklistAUserSeesOnlyTheirTeamsFilterAndTasks() {
    HttpCaller icbUser = HttpCaller.browser(port).loggedInAs("chc-nurse", "demo");
    assertThat(icbUser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    String api = "/camunda/api/engine/engine/default";
    String hospiceFilter = jdbc.sql("select filter_id from partner_team where group_id = ?")
        .param(HOSPICE_TEAM).query(String.class).single();
    String icbFilter = jdbc.sql("select filter_id from partner_team where group_id = ?")
        .param(ICB_TEAM).query(String.class).single();

    HttpResponse<String> filters = icbUser.get(api + "/filter");
    assertThat(filters.body()).contains(icbFilter).doesNotContain(hospiceFilter);
    assertThat(icbUser.get(api + "/filter/" + icbFilter + "/list").body())
        .contains(icbCase.task().getId()).doesNotContain(hospiceCase.task().getId());
    assertThat(icbUser.get(api + "/filter/" + hospiceFilter + "/list").statusCode()).isEqualTo(403);
    // Tasklist's own call: the first page as HAL, with the number of the filter's tasks beside it
    String page = icbUser.postJson(api + "/filter/" + icbFilter + "/list?firstResult=0&maxResults=15",
        "{\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],\"active\":true}", "application/hal+json").body();
    int onPage = JsonPath.<List<?>>read(page, "$._embedded.task").size();
    assertThat(page).contains(icbCase.task().getId()).doesNotContain(hospiceCase.task().getId());
    assertThat(JsonPath.<Integer>read(page, "$.count")).isEqualTo(onPage);
    assertThat(icbUser.get(api + "/filter/" + icbFilter + "/count").body()).isEqualTo("{\"count\":" + onPage + "}");
    assertThat(icbUser.get(api + "/task/" + hospiceCase.task().getId()).statusCode()).isIn(403, 404);
    assertThat(icbUser.get(api + "/task/" + hospiceCase.task().getId() + "/form-variables").statusCode()).isIn(403, 404);
    assertThat(icbUser.postJson(api + "/task/" + hospiceCase.task().getId() + "/claim", "{\"userId\":\"chc-nurse\"}")
        .statusCode()).isEqualTo(403);
  }

  @Test
  void theOwningTeamSeesReadsClaimsAndCompletesItsTask() {
    HttpCaller hospiceUser = HttpCaller.basic(port, "ashdown-triage", "demo");
    String task = "/engine-rest/task/" + hospiceCase.task().getId();

    assertThat(hospiceUser.get("/engine-rest/task").body()).contains(hospiceCase.task().getId())
        .doesNotContain(icbCase.task().getId());
    assertThat(hospiceUser.get(task + "/variables").body()).contains("Hospice Patient");
    assertThat(hospiceUser.postJson(task + "/claim", "{\"userId\":\"ashdown-triage\"}").statusCode()).isEqualTo(204);
    assertThat(hospiceUser.get("/engine-rest/task?candidateGroup=" + HOSPICE_TEAM + "&includeAssignedTasks=true").body())
        .as("a claimed task stays in the team's list").contains(hospiceCase.task().getId());
    assertThat(hospiceUser.postJson(task + "/complete", "{}").statusCode()).isEqualTo(204);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(hospiceCase.instance().getId()).count()).isZero();
  }
}
