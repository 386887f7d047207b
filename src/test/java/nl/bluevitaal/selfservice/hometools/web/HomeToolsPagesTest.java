package nl.bluevitaal.selfservice.hometools.web;

import static nl.bluevitaal.support.Pages.as;
import static nl.bluevitaal.support.Pages.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.selfservice.hometools.EnergyBalance;
import nl.bluevitaal.selfservice.hometools.HomeTools;
import nl.bluevitaal.selfservice.hometools.RelapsePlan;
import nl.bluevitaal.support.ApplicationTest;
import nl.bluevitaal.support.CaseFixtures;
import nl.bluevitaal.web.FormState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The employee's energy balance and relapse-prevention plan as pages: saved as the employee typed them, refused with
 * a Dutch message beside the field and nothing typed lost, and a save from an older page answered with 409.
 */
@ApplicationTest
class HomeToolsPagesTest {

  private static final String ENERGY = "/mijn-traject/energiebalans";
  private static final String PLAN = "/mijn-traject/terugvalpreventie";

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFixtures fixtures;
  @Autowired
  HomeTools tools;

  CaseFixtures.People people;

  @BeforeEach
  void aCase() {
    people = fixtures.people("ht");
  }

  @Test
  void theEnergyBalanceIsSavedAsANewVersionAndTheOneBeforeItStaysReadable() throws Exception {
    MvcResult empty = mvc.perform(get(ENERGY).with(asEmployee()))
        .andExpect(status().isOk())
        .andExpect(view().name(EnergyBalanceController.VIEW))
        .andExpect(model().attribute("current", (Object) null))
        .andExpect(model().attribute("basedOn", 0))
        .andReturn();
    assertThat(this.<List<?>>attr(empty, "gives")).hasSize(EnergyBalanceController.EMPTY_ROWS);

    mvc.perform(energy(0, List.of("Wandelen", "", ""), List.of("A_LOT", "", ""), List.of("Drukte", "", ""),
            List.of("", "", ""), "Buiten zijn helpt."))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl(ENERGY))
        .andExpect(flash().attribute("toolsNotice", "tools.energy.saved"));
    mvc.perform(energy(1, List.of("Wandelen", "Koffie met mijn zus, 's ochtends", ""), List.of("A_LOT", "SOME", ""),
            List.of("", "", ""), List.of("", "", ""), ""))
        .andExpect(status().is3xxRedirection());

    MvcResult page = mvc.perform(get(ENERGY).with(asEmployee())).andExpect(status().isOk()).andReturn();
    EnergyBalance current = attr(page, "current");
    EnergyBalance previous = attr(page, "previous");
    assertThat(current.number()).isEqualTo(2);
    // A comma in an item stays one item.
    assertThat(current.gives()).containsExactly(new EnergyBalance.Item("Wandelen", EnergyBalance.Amount.A_LOT),
        new EnergyBalance.Item("Koffie met mijn zus, 's ochtends", EnergyBalance.Amount.SOME));
    assertThat(current.costs()).isEmpty();
    assertThat(current.reflection()).isNull();
    assertThat(previous.number()).isEqualTo(1);
    assertThat(previous.costs()).containsExactly(new EnergyBalance.Item("Drukte", null));
    assertThat(previous.reflection()).isEqualTo("Buiten zijn helpt.");
    assertThat(this.<Integer>attr(page, "basedOn")).isEqualTo(2);
  }

  @Test
  void aWrongRowComesBackWithADutchMessageBesideItAndEverythingTyped() throws Exception {
    String tooLong = "x".repeat(EnergyBalance.MAX_ITEM + 1);
    MvcResult page = mvc.perform(energy(0, List.of("Wandelen", tooLong, ""), List.of("", "", ""),
            List.of("", "", ""), List.of("", "VEEL", ""), "r".repeat(EnergyBalance.MAX_REFLECTION + 1)))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(view().name(EnergyBalanceController.VIEW))
        .andExpect(content().string(containsString("Dit is te lang: hoogstens 200 tekens.")))
        .andExpect(content().string(containsString("Energiegever 2: Dit is te lang")))
        .andReturn();
    FormState form = attr(page, "form");
    assertThat(form.errors()).containsEntry("geeft-2", "tools.energy.error.item-too-long")
        .containsEntry("kost-1", "form.error.choose")
        .containsEntry("reflectie", "tools.error.too-long");
    assertThat(form.value("reflectie")).hasSize(EnergyBalance.MAX_REFLECTION + 1);
    List<EnergyBalanceController.Row> gives = attr(page, "gives");
    assertThat(gives).extracting(EnergyBalanceController.Row::text).startsWith("Wandelen", tooLong);
    assertThat(tools.energyBalances(CaseFixtures.actor(people.employee(), Groups.EMPLOYEE), people.caseId()))
        .isEmpty();
  }

  @Test
  void aSaveFromAnOlderPageIsAConflictAndKeepsWhatWasTyped() throws Exception {
    mvc.perform(energy(0, List.of("Wandelen", ""), List.of("", ""), List.of("", ""), List.of("", ""), ""))
        .andExpect(status().is3xxRedirection());
    MvcResult page = mvc.perform(energy(0, List.of("Fietsen", ""), List.of("SOME", ""), List.of("", ""),
            List.of("", ""), "In de andere tab getypt"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("Er is nu niets opgeslagen")))
        .andReturn();
    FormState form = attr(page, "form");
    assertThat(form.formError()).isEqualTo("tools.conflict");
    assertThat(form.value("reflectie")).isEqualTo("In de andere tab getypt");
    assertThat(this.<List<EnergyBalanceController.Row>>attr(page, "gives")).first()
        .isEqualTo(new EnergyBalanceController.Row("Fietsen", "SOME", null));
    assertThat(this.<Integer>attr(page, "basedOn")).isEqualTo(1);
  }

  @Test
  void theRelapsePlanIsSavedEditedInPlaceAndAStaleSaveKeepsTheText() throws Exception {
    mvc.perform(get(PLAN).with(asEmployee()))
        .andExpect(status().isOk())
        .andExpect(view().name(RelapsePlanController.VIEW))
        .andExpect(model().attribute("plan", (Object) null));
    mvc.perform(post(PLAN).with(csrf()).with(asEmployee()).param("signalen", "Ik slaap slechter")
            .param("roodDoen", "De huisarts bellen").param("belBegeleider", "true"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("toolsNotice", "tools.plan.saved"));
    RelapsePlan saved = tools.relapsePlan(CaseFixtures.actor(people.employee(), Groups.EMPLOYEE), people.caseId())
        .orElseThrow();
    assertThat(saved.content().earlySignals()).isEqualTo("Ik slaap slechter");
    assertThat(saved.content().callCounsellor()).isTrue();
    assertThat(saved.content().callDoctor()).isFalse();

    mvc.perform(post(PLAN).with(csrf()).with(asEmployee()).param("versie", "0").param("signalen", "Ik slaap slecht")
            .param("triggers", "Sirenes"))
        .andExpect(status().is3xxRedirection());
    MvcResult stale = mvc.perform(post(PLAN).with(csrf()).with(asEmployee()).param("versie", "0")
            .param("signalen", "Uit het oude venster").param("belBedrijfsarts", "true"))
        .andExpect(status().isConflict())
        .andExpect(view().name(RelapsePlanController.VIEW))
        .andReturn();
    FormState form = attr(stale, "form");
    assertThat(form.formError()).isEqualTo("tools.conflict");
    assertThat(form.value("signalen")).isEqualTo("Uit het oude venster");
    assertThat(form.value("belBedrijfsarts")).isEqualTo("true");
    assertThat(this.<RelapsePlan>attr(stale, "plan").version()).isEqualTo(1);

    MvcResult tooLong = mvc.perform(post(PLAN).with(csrf()).with(asEmployee()).param("versie", "1")
            .param("triggers", "t".repeat(RelapsePlan.MAX_TEXT + 1)).param("goed", "Ik slaap goed"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("Dit is te lang. Maak het wat korter.")))
        .andReturn();
    FormState refused = attr(tooLong, "form");
    assertThat(refused.errors()).containsOnlyKeys("triggers");
    assertThat(refused.value("goed")).isEqualTo("Ik slaap goed");

    mvc.perform(get(PLAN + "/afdrukken").with(asEmployee()))
        .andExpect(status().isOk())
        .andExpect(view().name(RelapsePlanController.PRINT_VIEW))
        .andExpect(content().string(containsString("Sirenes")));
  }

  @Test
  void onlyEmployeesHaveTheseOwnPages() throws Exception {
    for (String path : List.of(ENERGY, PLAN, PLAN + "/afdrukken", "/mijn-traject/doelen")) {
      mvc.perform(get(path).with(as(people.counsellor(), Groups.COUNSELLOR))).andExpect(status().isForbidden());
      mvc.perform(get(path).with(as(people.lineManager(), Groups.LINE_MANAGER))).andExpect(status().isForbidden());
      mvc.perform(get(path).with(as(people.doctor(), Groups.COMPANY_DOCTOR))).andExpect(status().isForbidden());
    }
  }

  private MockHttpServletRequestBuilder energy(int basedOn, List<String> gives, List<String> givesAmounts,
      List<String> costs, List<String> costsAmounts, String reflection) {
    return post(ENERGY).with(csrf()).with(asEmployee()).param("versie", String.valueOf(basedOn))
        .param("geeft", gives.toArray(String[]::new)).param("geeftMate", givesAmounts.toArray(String[]::new))
        .param("kost", costs.toArray(String[]::new)).param("kostMate", costsAmounts.toArray(String[]::new))
        .param("reflectie", reflection);
  }

  private RequestPostProcessor asEmployee() {
    return as(people.employee(), Groups.EMPLOYEE);
  }

  private <T> T attr(MvcResult result, String name) {
    return attribute(result, name);
  }
}
