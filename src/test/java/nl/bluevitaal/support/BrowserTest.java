package nl.bluevitaal.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A browser test on the running application: skipped where Debian's chromium and chromium-driver are missing (.ci/run
 * installs them), and given one headless {@link Browser} per test class as a parameter of its tests or of its
 * {@code @BeforeAll}/{@code @BeforeEach} methods, at 1280 by 900, pointed at the application's port. The browser is
 * closed after the class. Put it beside the application's own test annotation ({@link DemoAppTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserTest.Chromium.class)
public @interface BrowserTest {

  /** Starts, hands out and stops the class's browser. */
  final class Chromium implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);

    @Override
    public void beforeAll(ExtensionContext context) {
      assumeTrue(Browser.isInstalled(), "Debian chromium and chromium-driver are needed (.ci/run installs them)");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
      return store.getOrComputeIfAbsent(context.getRequiredTestClass().getName(), key -> {
        int port = Integer.parseInt(SpringExtension.getApplicationContext(context).getEnvironment()
            .getRequiredProperty("local.server.port"));
        return new Browser(port, 1280, 900);
      }, Browser.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
      Browser browser = context.getRoot().getStore(NAMESPACE)
          .remove(context.getRequiredTestClass().getName(), Browser.class);
      if (browser != null) {
        browser.close();
      }
    }
  }
}
