package nl.bluevitaal.workspace;

import static nl.bluevitaal.support.Pages.signedInAs;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import nl.bluevitaal.identity.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.DefaultErrorViewResolver;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The servlet container forwards failed requests to {@code /error}; MockMvc does not, so these tests call
 * {@code /error} the way the container does, with the error attributes set.
 */
@WorkspaceWebMvcTest
class ErrorPagesTest {

  /**
   * Spring Boot only creates its error view resolver (templates/error/404.html and the like) next to a
   * DispatcherServlet bean, which the MockMvc slice does not have; the running application does.
   */
  @TestConfiguration
  static class ErrorViews {

    @Bean
    DefaultErrorViewResolver conventionErrorViewResolver(ApplicationContext context) {
      return new DefaultErrorViewResolver(context, new WebProperties.Resources());
    }
  }

  @Autowired
  MockMvc mvc;

  private static MockHttpServletRequestBuilder errorDispatch(int status) {
    return get("/error")
        .accept(MediaType.TEXT_HTML)
        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere");
  }

  @Test
  void explainsAMissingPageInDutch() throws Exception {
    mvc.perform(errorDispatch(404))
        .andExpect(status().isNotFound())
        .andExpect(content().string(allOf(
            containsString("<html lang=\"nl\""),
            containsString("<title>Pagina niet gevonden – BlueVitaal</title>"),
            containsString("Deze pagina bestaat niet (meer)."),
            containsString("<main id=\"main\" tabindex=\"-1\""))));
  }

  @Test
  void explainsAMissingPageInEnglish() throws Exception {
    mvc.perform(errorDispatch(404).param("lang", "en"))
        .andExpect(content().string(allOf(
            containsString("<html lang=\"en\""),
            containsString("Page not found"))));
  }

  @Test
  void explainsARefusalAndKeepsTheUserMenu() throws Exception {
    mvc.perform(errorDispatch(403).with(signedInAs("anna", "Anna Zonnebloem", Groups.EMPLOYEE)))
        .andExpect(status().isForbidden())
        .andExpect(content().string(allOf(
            containsString("Geen toegang"),
            containsString("Je hebt geen toegang tot deze pagina."),
            containsString("Anna Zonnebloem"),
            containsString("action=\"/logout\""))));
  }

  @Test
  void showsNoTechnicalDetailsOfAFailure() throws Exception {
    mvc.perform(errorDispatch(500)
            .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail")))
        .andExpect(status().isInternalServerError())
        .andExpect(content().string(allOf(
            containsString("Er ging iets mis"),
            containsString("Foutcode: 500"),
            not(containsString("secret detail")),
            not(containsString("IllegalStateException")),
            not(containsString("at nl.bluevitaal")))));
  }
}
