package nl.bluevitaal.poortwachter.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.bluevitaal.poortwachter.PoortwachterConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(TimelineController.class)
@Import(PoortwachterConfiguration.class)
@WithMockUser
class TimelineControllerTest {

  private static final String WORKED_EXAMPLE = """
      {"periods":[{"sickFrom":"2026-01-05","recoveredOn":"2026-03-02"},{"sickFrom":"2026-03-20"}],
       "voluntaryExtensionWeeks":0, "wageSanctionWeeks":0}""";

  @Autowired
  private MockMvc mvc;

  private ResultActions postTimeline(String body) throws Exception {
    return mvc.perform(post("/api/poortwachter/timeline").with(csrf())
        .contentType(MediaType.APPLICATION_JSON)
        .content(body));
  }

  @Test
  void computesTheWorkedExample() throws Exception {
    postTimeline(WORKED_EXAMPLE)
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(content().json("""
            {"caseStart":"2026-01-05", "sameCase":true, "gapDays":18,
             "deadlines":{"problemAnalysis":"2026-02-15", "planOfAction":"2026-03-01",
                          "uwvNotification":"2026-11-12", "firstYearEvaluation":"2027-01-21",
                          "finalEvaluation":"2027-10-21", "wiaApplication":"2027-11-04",
                          "endOfWagePayment":"2028-01-20"},
             "uwvNotificationDaysLate":0}""", true));
  }

  @Test
  void treatsMissingExtensionsAsZeroAndAppliesGivenOnes() throws Exception {
    postTimeline("""
        {"periods":[{"sickFrom":"2026-01-05"}]}""")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deadlines.endOfWagePayment").value("2028-01-02"));

    postTimeline("""
        {"periods":[{"sickFrom":"2026-01-05"}], "voluntaryExtensionWeeks":52, "wageSanctionWeeks":52}""")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deadlines.uwvNotification").value("2026-10-25"))
        .andExpect(jsonPath("$.deadlines.wiaApplication").value("2028-10-15"))
        .andExpect(jsonPath("$.deadlines.endOfWagePayment").value("2029-12-30"));
  }

  @Test
  void writesUnreachedDeadlinesAsNull() throws Exception {
    postTimeline("""
        {"periods":[{"sickFrom":"2026-01-05","recoveredOn":"2026-03-01"}]}""")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deadlines.problemAnalysis").value("2026-02-15"))
        .andExpect(jsonPath("$.deadlines", hasKey("planOfAction")))
        .andExpect(jsonPath("$.deadlines.planOfAction").value(nullValue()))
        .andExpect(jsonPath("$.deadlines", hasKey("endOfWagePayment")))
        .andExpect(jsonPath("$.deadlines.endOfWagePayment").value(nullValue()));
  }

  @ParameterizedTest(name = "received {0}: {1} days late, wage payment ends {2}")
  @CsvSource({
      "2026-10-26, 0,  2028-01-02",
      "2026-10-27, 1,  2028-01-03",
      "2026-11-05, 10, 2028-01-12",
  })
  void movesTheEndByALateNotification(String receivedOn, int daysLate, String end) throws Exception {
    postTimeline("""
        {"periods":[{"sickFrom":"2026-01-05"}], "uwvNotifiedOn":"%s"}""".formatted(receivedOn))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.uwvNotificationDaysLate").value(daysLate))
        .andExpect(jsonPath("$.deadlines.uwvNotification").value("2026-10-25"))
        .andExpect(jsonPath("$.deadlines.endOfWagePayment").value(end));
  }

  @Test
  void joinsSickPeriodsAroundPregnancyAndBirthLeave() throws Exception {
    String periods = """
        "periods":[{"sickFrom":"2026-01-05","recoveredOn":"2026-03-02"},{"sickFrom":"2026-06-22"}]""";
    postTimeline("{" + periods + "}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.caseStart").value("2026-06-22"))
        .andExpect(jsonPath("$.sameCase").value(false));

    postTimeline("{" + periods + """
        , "leaves":[{"from":"2026-03-02","to":"2026-06-21"}]}""")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.caseStart").value("2026-01-05"))
        .andExpect(jsonPath("$.sameCase").value(true))
        .andExpect(jsonPath("$.gapDays").value(112))
        .andExpect(jsonPath("$.deadlines.uwvNotification").value("2027-02-14"))
        .andExpect(jsonPath("$.uwvNotificationDaysLate").value(0));
  }

  @ParameterizedTest(name = "{0}: 400 on {2}")
  @CsvSource(delimiter = '|', textBlock = """
      unordered periods      | {"periods":[{"sickFrom":"2026-03-01","recoveredOn":"2026-03-10"},{"sickFrom":"2026-02-01"}]} | periods[1].sickFrom
      overlapping periods    | {"periods":[{"sickFrom":"2026-01-05","recoveredOn":"2026-03-02"},{"sickFrom":"2026-03-01"}]} | periods[1].sickFrom
      recovery on sick day   | {"periods":[{"sickFrom":"2026-01-05","recoveredOn":"2026-01-05"}]}                           | periods[0].recoveredOn
      recovery before it     | {"periods":[{"sickFrom":"2026-01-05","recoveredOn":"2026-01-01"}]}                           | periods[0].recoveredOn
      open period not last   | {"periods":[{"sickFrom":"2026-01-05"},{"sickFrom":"2026-03-01"}]}                            | periods[0].recoveredOn
      impossible date        | {"periods":[{"sickFrom":"2026-01-05","recoveredOn":"2026-02-01"},{"sickFrom":"2026-02-30"}]} | periods[1].sickFrom
      no sick day            | {"periods":[{"recoveredOn":"2026-02-01"}]}                                                   | periods[0].sickFrom
      empty period           | {"periods":[null]}                                                                           | periods[0]
      no periods             | {"periods":[]}                                                                               | periods
      periods missing        | {"voluntaryExtensionWeeks":1}                                                                | periods
      periods not a list     | {"periods":"2026-01-05"}                                                                     | periods
      extension over 52      | {"periods":[{"sickFrom":"2026-01-05"}],"voluntaryExtensionWeeks":53}                         | voluntaryExtensionWeeks
      negative sanction      | {"periods":[{"sickFrom":"2026-01-05"}],"wageSanctionWeeks":-1}                               | wageSanctionWeeks
      sanction over 52       | {"periods":[{"sickFrom":"2026-01-05"}],"wageSanctionWeeks":53}                               | wageSanctionWeeks
      extension not a number | {"periods":[{"sickFrom":"2026-01-05"}],"voluntaryExtensionWeeks":"ten"}                      | voluntaryExtensionWeeks
      notified before sick   | {"periods":[{"sickFrom":"2026-01-05"}],"uwvNotifiedOn":"2026-01-04"}                         | uwvNotifiedOn
      notified not a date    | {"periods":[{"sickFrom":"2026-01-05"}],"uwvNotifiedOn":"2026-13-01"}                         | uwvNotifiedOn
      leave in sick period   | {"periods":[{"sickFrom":"2026-01-05"}],"leaves":[{"from":"2026-02-01","to":"2026-05-01"}]}   | leaves[0].from
      leave into next period | {"periods":[{"sickFrom":"2026-01-05","recoveredOn":"2026-03-02"},{"sickFrom":"2026-06-22"}],"leaves":[{"from":"2026-03-02","to":"2026-06-22"}]} | leaves[0].to
      leave ends before it   | {"periods":[{"sickFrom":"2026-06-22"}],"leaves":[{"from":"2026-03-02","to":"2026-03-01"}]}   | leaves[0].to
      leave without start    | {"periods":[{"sickFrom":"2026-06-22"}],"leaves":[{"to":"2026-03-01"}]}                       | leaves[0].from
      leave not a date       | {"periods":[{"sickFrom":"2026-06-22"}],"leaves":[{"from":"2026-03-02","to":"2026-02-30"}]}   | leaves[0].to
      empty leave            | {"periods":[{"sickFrom":"2026-06-22"}],"leaves":[null]}                                      | leaves[0]
      """)
  void rejectsInputNamingTheField(String description, String body, String field) throws Exception {
    postTimeline(body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("about:blank"))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.detail").isNotEmpty())
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].field").value(field))
        .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      malformed JSON | {"periods":[{"sickFrom":"2026-01-05"}
      empty body     | ``
      """)
  void rejectsABodyThatIsNoJson(String description, String body) throws Exception {
    postTimeline(body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.detail").isNotEmpty())
        .andExpect(jsonPath("$.errors", hasSize(0)));
  }

  @Test
  void reportsEveryInvalidField() throws Exception {
    postTimeline("""
        {"periods":[{"sickFrom":"2026-01-05"},{"recoveredOn":"2026-03-01"}], "voluntaryExtensionWeeks":60}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field")
            .value(contains("periods[0].recoveredOn", "periods[1].sickFrom",
                "voluntaryExtensionWeeks")));
  }
}
