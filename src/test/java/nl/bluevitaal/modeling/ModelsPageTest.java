package nl.bluevitaal.modeling;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.JourneyModels.Kind;
import nl.bluevitaal.journey.JourneyModels.Origin;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The process owner's models page lists the journey and every process and decision it uses with their versions
 * (a release's version says so, counts of running processes only); the model page shows a version's diagram, its
 * history and its file to download; the home page links there. Everyone else is refused (403, audited).
 */
@ApplicationTest
class ModelsPageTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theProcessOwnerSeesEveryDeployedProcessAndDecisionWithItsVersions() throws Exception {
    fixtures.people("mp");
    MvcResult page = mvc.perform(get("/modellen").with(as(CaseFixtures.tag("po"), Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(view().name("modeling/models"))
        .andExpect(content().string(containsString("Met de applicatie uitgerold")))
        .andReturn();
    List<ModelOverview> models = attribute(page, "models");
    assertThat(models).extracting(ModelOverview::key).contains(ReintegrationJourneyProcess.PROCESS_KEY,
        ReintegrationJourneyProcess.WATCH_PROCESS_KEY, ReintegrationJourneyProcess.DECISION_INTAKE_ROUTING,
        ReintegrationJourneyProcess.DECISION_FIRST_YEAR_NEXT_STEP,
        ReintegrationJourneyProcess.DECISION_ESCALATION_LADDER);
    // Processes first: the journey and its watch before the decisions.
    assertThat(models.get(0).kind()).isEqualTo(Kind.PROCESS);
    ModelOverview journey = models.stream()
        .filter(m -> m.key().equals(ReintegrationJourneyProcess.PROCESS_KEY)).findFirst().orElseThrow();
    ModelOverview.Version first = journey.versions().get(journey.versions().size() - 1);
    assertThat(first.origin()).isEqualTo(Origin.RELEASE);
    assertThat(first.versionTag()).isEqualTo("2.0.0");
    assertThat(first.proposedBy()).isNull();
    // A case was just made: the journey runs on its latest version.
    assertThat(journey.latest().runningInstances()).isPositive();
  }

  @Test
  void theModelPageShowsTheChosenVersionAndOffersItsFile() throws Exception {
    String owner = CaseFixtures.tag("po");
    MvcResult page = mvc.perform(get("/modellen/IntakeRouting").param("versie", "1")
            .with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(view().name("modeling/model"))
        .andExpect(content().string(containsString("/vendor/dmn-js/dmn-navigated-viewer.production.min.js")))
        .andExpect(content().string(containsString("/modellen/IntakeRouting/versies/1/bestand")))
        .andReturn();
    ModelOverview.Version shown = attribute(page, "shown");
    assertThat(shown.version()).isEqualTo(1);

    mvc.perform(get("/modellen/ReintegrationJourney").with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js")));

    mvc.perform(get("/modellen/IntakeRouting/versies/1/bestand").with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", containsString("IntakeRouting-v1.dmn")))
        .andExpect(content().string(containsString("<decision id=\"IntakeRouting\"")));
  }

  @Test
  void anUnknownModelOrVersionIsNotFound() throws Exception {
    String owner = CaseFixtures.tag("po");
    mvc.perform(get("/modellen/NoSuchModel").with(as(owner, Groups.PROCESS_OWNER))).andExpect(status().isNotFound());
    mvc.perform(get("/modellen/IntakeRouting").param("versie", "999").with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/modellen/IntakeRouting").param("versie", "een").with(as(owner, Groups.PROCESS_OWNER)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theHomePageLinksTheProcessOwnerToTheModels() throws Exception {
    mvc.perform(get("/").with(as(CaseFixtures.tag("po"), Groups.PROCESS_OWNER)))
        .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"/modellen\"")));
    mvc.perform(get("/").with(as(CaseFixtures.tag("co"), Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andExpect(content().string(not(containsString("href=\"/modellen\""))));
  }

  @ParameterizedTest
  @ValueSource(strings = {Groups.EMPLOYEE, Groups.COUNSELLOR, Groups.MANAGEMENT, Groups.LINE_MANAGER})
  void everyOtherRoleIsRefusedAndTheRefusalIsRecorded(String group) throws Exception {
    String user = CaseFixtures.tag("x");
    mvc.perform(get("/modellen").with(as(user, group))).andExpect(status().isForbidden());
    mvc.perform(get("/modellen/ReintegrationJourney").with(as(user, group))).andExpect(status().isForbidden());
    mvc.perform(get("/modellen/ReintegrationJourney/versies/1/bestand").with(as(user, group)))
        .andExpect(status().isForbidden());
    mvc.perform(post("/modellen/ReintegrationJourney/versies/1/concept").with(as(user, group)).with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(jdbc.queryForObject(
        "select count(*) from audit_event where actor_user_id = ? and action = 'REFUSED' and what like '%modeling%'",
        Integer.class, user)).isEqualTo(4);
  }
}
