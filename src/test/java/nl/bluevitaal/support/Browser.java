package nl.bluevitaal.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run) driven by Selenium, with
 * axe-core for WCAG checks. Never downloads a browser or driver: the machine has no network for that.
 */
public final class Browser implements AutoCloseable {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private final String baseUrl;
  private final WebDriver driver;
  private final Path profile;

  public static boolean isInstalled() {
    return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
  }

  public Browser(int port, int width, int height) {
    this.baseUrl = "http://localhost:" + port;
    try {
      this.profile = Files.createTempDirectory("bluevitaal-chromium");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=nl");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
  }

  /** Starts afresh as an anonymous visitor at this window size, without the cost of a new browser. */
  public Browser reset(int width, int height) {
    driver.manage().deleteAllCookies();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    return this;
  }

  public WebDriver driver() {
    return driver;
  }

  public Browser open(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  /** Logs in through the form, as a person does. */
  public Browser login(String user, String password) {
    open("/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    String loginPage = driver.getCurrentUrl();
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    // A click does not wait for the navigation it starts; a busy home page would otherwise still read as /login.
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> !d.getCurrentUrl().equals(loginPage)
            && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    return this;
  }

  public String path() {
    return driver.getCurrentUrl().substring(baseUrl.length());
  }

  /** The visible text of the page; read again when the page was replaced while reading (a navigation ending). */
  public String text() {
    for (int attempt = 0; ; attempt++) {
      try {
        return driver.findElement(By.tagName("body")).getText();
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 4) {
          throw e;
        }
      }
    }
  }

  public WebElement find(By by) {
    return driver.findElement(by);
  }

  /** The WCAG 2.1 A and AA violations axe-core finds on the current page, one line each. */
  public List<String> wcagViolations() {
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
    return results.getViolations().stream().map(Browser::describe).collect(Collectors.toList());
  }

  /** Whether the page needs horizontal scrolling (content wider than the viewport). */
  public boolean scrollsSideways() {
    Object wider = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    return Boolean.TRUE.equals(wider);
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — "
        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).collect(Collectors.joining(", "));
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // a leftover temp profile is harmless
    }
  }
}
