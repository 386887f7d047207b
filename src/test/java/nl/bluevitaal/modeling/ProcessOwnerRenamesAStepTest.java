package nl.bluevitaal.modeling;

import static nl.bluevitaal.support.Pages.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.CaseMigrations.MigrationRequest;
import nl.bluevitaal.journey.CaseMigrations.RunningInstance;
import nl.bluevitaal.journey.CaseMigrations;
import nl.bluevitaal.journey.JourneyModels;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures.People;
import nl.bluevitaal.support.CaseFixtures;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The workbench end to end, as two process owners and a counsellor use it: one process owner renames a step of the
 * journey in a draft and proposes it, a second approves and it deploys, the first moves the running cases to the new
 * version, and the counsellor's task list calls the step of their case by its new name.
 */
@ApplicationTest
class ProcessOwnerRenamesAStepTest {

  private static final String KEY = ReintegrationJourneyProcess.PROCESS_KEY;
  private static final String OLD_NAME = "Intakegesprek voeren";
  private static final String NEW_NAME = "Kennismakingsgesprek voeren";

  @Autowired MockMvc mvc;
  @Autowired CaseFixtures fixtures;
  @Autowired JourneyModels models;
  @Autowired CaseMigrations migrations;
  @Autowired RepositoryService repository;

  private int before;
  private Integer deployed;

  @Test
  void aRenamedStepIsApprovedDeployedMovedAndShownByItsNewName() throws Exception {
    People people = fixtures.people("rename");
    String gerda = people.processOwner();
    String ilse = fixtures.user("ilse", Groups.PROCESS_OWNER);
    mvc.perform(get("/taken").with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(content().string(containsString(OLD_NAME)));

    before = models.model(KEY).orElseThrow().latest().version();
    MvcResult made = mvc.perform(post("/modellen/" + KEY + "/versies/" + before + "/concept")
            .with(as(gerda, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn();
    String draft = made.getResponse().getRedirectedUrl();
    String xml = mvc.perform(get(draft + "/bestand").with(as(gerda, Groups.PROCESS_OWNER)))
        .andReturn().getResponse().getContentAsString();
    String renamed = xml.replace("name=\"" + OLD_NAME + "\"", "name=\"" + NEW_NAME + "\"");
    assertThat(renamed).isNotEqualTo(xml);
    mvc.perform(post(draft + "/bestand").with(as(gerda, Groups.PROCESS_OWNER)).with(csrf())
            .param("xml", renamed).param("revisie", "1"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(post(draft + "/voorstellen").with(as(gerda, Groups.PROCESS_OWNER)).with(csrf())
            .param("wijziging", "De stap zegt wat de begeleider doet").param("revisie", "2"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(post(draft + "/goedkeuren").with(as(ilse, Groups.PROCESS_OWNER)).with(csrf()).param("revisie", "2"))
        .andExpect(status().is3xxRedirection());
    deployed = models.model(KEY).orElseThrow().latest().version();
    assertThat(deployed).isEqualTo(before + 1);

    // Until the case moves, it runs on the version it started on.
    mvc.perform(get("/taken").with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(content().string(containsString(OLD_NAME)));
    String run = mvc.perform(post("/modellen/migratie/uitvoeren").param("proces", KEY).param("van", "" + before)
            .param("naar", "" + deployed).with(as(gerda, Groups.PROCESS_OWNER)).with(csrf()))
        .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    // The run goes on in the background; its page's progress answer says when it has ended (a bound, not a timing).
    for (int i = 0; i < 1200 && mvc.perform(get(run + "/voortgang").with(as(gerda, Groups.PROCESS_OWNER)))
        .andReturn().getResponse().getHeader("HX-Refresh") == null; i++) {
      Thread.sleep(100);
    }

    mvc.perform(get("/taken").with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(content().string(containsString(NEW_NAME)))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString(OLD_NAME))));
    mvc.perform(get("/dossiers/" + people.caseId()).with(as(people.counsellor(), Groups.COUNSELLOR)))
        .andExpect(content().string(containsString(NEW_NAME)));
  }

  /** Other tests share the engine: every case goes back to the release's version, and the test version goes. */
  @AfterEach
  void theReleaseVersionIsLatestAgain() {
    if (deployed == null) {
      return;
    }
    List<String> instances = migrations.running(KEY, deployed).stream().map(RunningInstance::processInstanceId)
        .toList();
    assertThat(migrations.migrate(new MigrationRequest(KEY, deployed, before, Map.of()), instances))
        .allSatisfy(outcome -> assertThat(outcome.succeeded()).isTrue());
    String deploymentId = repository.createProcessDefinitionQuery().processDefinitionKey(KEY)
        .processDefinitionVersion(deployed).singleResult().getDeploymentId();
    repository.deleteDeployment(deploymentId);
  }
}
