package nl.bluevitaal.insight;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.journey.ReintegrationJourneyProcess;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The counsellors' lead's page ({@code /inzicht/begeleiders}) against a fixed set of open cases, checked by hand: per
 * counsellor by name their open cases, those with an overdue step and those missing something, each column with its
 * total, a small group hidden and the cell that would give it away hidden beside it. Only the lead reads it; every
 * refusal is audited.
 */
@ApplicationTest
class LeadPageTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Clock clock;
  @Autowired
  CaseFixtures fixtures;

  String lead;
  String busy;
  String quiet;

  /**
   * Open cases: 12 of "Aafke" (10 with an overdue step, all 12 with a buddy recommended and none involved), 3 of
   * "Bert" (one missing its buddy), 10 without a counsellor (lacking nothing), and a closed case of Aafke's.
   */
  @BeforeEach
  void aFixedSetOfOpenCases() {
    WorkRows rows = new WorkRows(jdbc);
    rows.clear();
    LocalDate today = LocalDate.now(clock);
    lead = fixtures.user("ll", Groups.COUNSELLOR, Groups.COUNSELLOR_LEAD);
    busy = fixtures.account(CaseFixtures.tag("la"), "Aafke", Groups.COUNSELLOR);
    quiet = fixtures.account(CaseFixtures.tag("lb"), "Bert", Groups.COUNSELLOR);
    for (int i = 0; i < 12; i++) {
      UUID id = rows.insert(WorkRows.Case.of(UUID.randomUUID(), busy, today.minusDays(30), null)
          .buddy(true, false));
      if (i < 10) {
        rows.step(ReintegrationJourneyProcess.PROCESS_KEY, "Task_Evaluation", id, today.minusDays(20), null, null,
            today.minusDays(2));
      }
    }
    for (int i = 0; i < 3; i++) {
      rows.insert(WorkRows.Case.of(UUID.randomUUID(), quiet, today.minusDays(30), null).buddy(i == 0, false));
    }
    for (int i = 0; i < 10; i++) {
      rows.insert(WorkRows.Case.of(UUID.randomUUID(), null, today.minusDays(30), null));
    }
    rows.insert(WorkRows.Case.of(UUID.randomUUID(), busy, today.minusDays(300), null).closed(today));
  }

  @Test
  void theLeadSeesTheBalancePerCounsellorByNameCountedByHand() throws Exception {
    MvcResult page = mvc.perform(get("/inzicht/begeleiders").with(as(lead, Groups.COUNSELLOR,
            Groups.COUNSELLOR_LEAD)))
        .andExpect(status().isOk()).andExpect(view().name("insight/lead"))
        .andExpect(content().string(containsString("Aafke Test")))
        .andExpect(content().string(containsString("href=\"/inzicht/mijn?begeleider=" + busy + "\"")))
        .andExpect(content().string(containsString("Zonder begeleider")))
        .andReturn();
    WorkList.Balance balance = attribute(page, "balance");
    assertThat(balance.rows()).extracting(WorkList.BalanceRow::counsellorUserId).containsExactly(busy, quiet, null);
    WorkList.BalanceRow aafke = balance.rows().get(0);
    WorkList.BalanceRow bert = balance.rows().get(1);
    WorkList.BalanceRow nobody = balance.rows().get(2);
    assertThat(aafke.name()).isEqualTo("Aafke Test");

    // Open: 12 + 3 + 10 = 25. Bert's 3 are hidden, and so is the smallest other cell (10), else 25 - 12 - 10 = 3.
    assertThat(balance.openCases()).isEqualTo(Shown.of(25));
    assertThat(aafke.openCases()).isEqualTo(Shown.of(12));
    assertThat(bert.openCases()).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    assertThat(nobody.openCases()).isEqualTo(Shown.hidden(Shown.Hidden.PROTECTS_SMALL_GROUP));
    // Overdue: 10 of Aafke's, nobody else's.
    assertThat(aafke.overdueCases()).isEqualTo(Shown.of(10));
    assertThat(bert.overdueCases()).isEqualTo(Shown.of(0));
    assertThat(balance.overdueCases()).isEqualTo(Shown.of(10));
    // Missing: Aafke's 12 and Bert's 1 = 13; Bert's 1 hidden, and Aafke's 12 with it (the zero protects nothing).
    assertThat(balance.missingAny()).isEqualTo(Shown.of(13));
    assertThat(bert.missingAny()).isEqualTo(Shown.hidden(Shown.Hidden.SMALL_GROUP));
    assertThat(aafke.missingAny()).isEqualTo(Shown.hidden(Shown.Hidden.PROTECTS_SMALL_GROUP));
    assertThat(nobody.missingAny()).isEqualTo(Shown.of(0));
  }

  @Test
  void theHomePageLinksOnlyTheLeadToTheBalance() throws Exception {
    mvc.perform(get("/").with(as(lead, Groups.COUNSELLOR, Groups.COUNSELLOR_LEAD)))
        .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"/inzicht/begeleiders\"")));
    mvc.perform(get("/").with(as(busy, Groups.COUNSELLOR)))
        .andExpect(status().isOk()).andExpect(content().string(not(containsString("href=\"/inzicht/begeleiders\""))));
  }

  @ParameterizedTest
  @ValueSource(strings = {Groups.COUNSELLOR, Groups.MANAGEMENT, Groups.PROCESS_OWNER, Groups.LINE_MANAGER,
      Groups.EMPLOYEE, Groups.BUDDY, Groups.COMPANY_DOCTOR})
  void everyoneButTheLeadIsRefusedAndTheRefusalIsRecorded(String group) throws Exception {
    String user = fixtures.user("x", group);
    mvc.perform(get("/inzicht/begeleiders").with(as(user, group))).andExpect(status().isForbidden());
    assertThat(jdbc.queryForObject("select count(*) from audit_event where actor_user_id = ? and action = 'REFUSED'"
        + " and domain = 'INSIGHT'", Integer.class, user)).isEqualTo(1);
  }

  @Test
  void aLeadWithoutTheCounsellorRoleIsNoLead() throws Exception {
    String flagOnly = fixtures.user("lf", Groups.COUNSELLOR_LEAD);
    mvc.perform(get("/inzicht/begeleiders").with(as(flagOnly, Groups.COUNSELLOR_LEAD)))
        .andExpect(status().isForbidden());
  }
}
