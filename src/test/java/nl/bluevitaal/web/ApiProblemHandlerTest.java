package nl.bluevitaal.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@WebMvcTest(controllers = {ApiProblemHandlerTest.ProbeApi.class, ApiProblemHandlerTest.ProbePage.class})
@Import({ApiProblemHandlerTest.ProbeApi.class, ApiProblemHandlerTest.ProbePage.class})
@WithMockUser
class ApiProblemHandlerTest {

  @Autowired
  private MockMvc mvc;

  @Test
  void answersBeanValidationWithAMessagePerField() throws Exception {
    mvc.perform(post("/api/probe/validated").with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("""
                {"name":" ", "items":[{"count":1},{"count":0}]}"""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("about:blank"))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "items[1].count")))
        .andExpect(jsonPath("$.errors[*].message").value(everyItem(not(emptyString()))));
  }

  @Test
  void answersFieldErrorsInTheirOrder() throws Exception {
    mvc.perform(post("/api/probe/fields").with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("The fields periods[1].sickFrom, wageSanctionWeeks are invalid."))
        .andExpect(jsonPath("$.errors[*].field").value(contains("periods[1].sickFrom", "wageSanctionWeeks")))
        .andExpect(jsonPath("$.errors[0].message").value("overlaps periods[0]"));
  }

  @Test
  void namesTheFieldOfAnImpossibleDateDeepInTheBody() throws Exception {
    mvc.perform(post("/api/probe/dated").with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("""
                {"day":"2026-01-05", "children":[{"day":"2026-01-06"},{"day":"2026-02-30"}]}"""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].field").value("children[1].day"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("date")));
  }

  @Test
  void describesMalformedJsonWithoutAField() throws Exception {
    mvc.perform(post("/api/probe/dated").with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"day\":"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(containsString("JSON")))
        .andExpect(jsonPath("$.errors", hasSize(0)));
  }

  @Test
  void answersNotFoundWith404Problem() throws Exception {
    mvc.perform(get("/api/probe/missing"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Not found"))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("Case 42 does not exist."));
  }

  @Test
  void answersConflictWith409Problem() throws Exception {
    mvc.perform(get("/api/probe/conflict"))
        .andExpect(status().isConflict())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Conflict"))
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.detail").value("Someone else changed this case; reload and try again."));
  }

  @Test
  void leavesPagesToTheirHtmlErrorPages() throws Exception {
    mvc.perform(get("/probe-page/missing"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(""));
  }

  record Validated(@NotBlank String name, @Valid List<Item> items) {}

  record Item(@Min(1) int count) {}

  record Dated(LocalDate day, List<Dated> children) {}

  @RestController
  static class ProbeApi {

    @PostMapping("/api/probe/validated")
    void validated(@Valid @RequestBody Validated body) {
    }

    @PostMapping("/api/probe/fields")
    void fields() {
      Map<String, String> errors = new LinkedHashMap<>();
      errors.put("periods[1].sickFrom", "overlaps periods[0]");
      errors.put("wageSanctionWeeks", "must be between 0 and 52 weeks");
      throw new FieldErrorsException(errors);
    }

    @PostMapping("/api/probe/dated")
    void dated(@RequestBody Dated body) {
    }

    @GetMapping("/api/probe/missing")
    void missing() {
      throw new NotFoundException("Case 42 does not exist.");
    }

    @GetMapping("/api/probe/conflict")
    void conflict() {
      throw new ConflictException("Someone else changed this case; reload and try again.");
    }
  }

  @Controller
  static class ProbePage {

    @GetMapping("/probe-page/missing")
    String missing() {
      throw new NotFoundException("Case 42 does not exist.");
    }
  }
}
