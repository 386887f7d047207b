package nl.bluevitaal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * BlueVitaal: one place where the return to work after mental overload is guided, following the
 * Wet verbetering poortwachter. Each top-level package below this one is a module (see ModularityTests).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BlueVitaalApplication {

  public static void main(String[] args) {
    SpringApplication.run(BlueVitaalApplication.class, args);
  }
}
