package nl.bluevitaal.workspace;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nl.bluevitaal.web.PageSections;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * The web slice of the workspace pages behind the real page security of the identity module (CSRF, form login,
 * who may see what), so the tests see the same forms and redirects a browser does. Only the workspace
 * controllers are loaded, and the page kit's section collector: no module contributes to the home page here (the
 * application tests show what they add).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(controllers = {LoginController.class, HomeController.class},
    includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "nl\\.bluevitaal\\.identity\\.internal\\.SecurityConfiguration"))
@Import(PageSections.class)
@interface WorkspaceWebMvcTest {

  @AliasFor(annotation = WebMvcTest.class, attribute = "properties")
  String[] properties() default {};
}
