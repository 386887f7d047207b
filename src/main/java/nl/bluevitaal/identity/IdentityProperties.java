package nl.bluevitaal.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings. The initial administrator lets a fresh production database be opened without demo accounts:
 * set {@code BLUEVITAAL_ADMIN_USER} and {@code BLUEVITAAL_ADMIN_PASSWORD} for the first start.
 */
@ConfigurationProperties("bluevitaal.identity")
public record IdentityProperties(InitialAdmin initialAdmin) {

  public IdentityProperties {
    initialAdmin = initialAdmin == null ? new InitialAdmin(null, null) : initialAdmin;
  }

  public record InitialAdmin(String userId, String password) {

    public boolean isConfigured() {
      return userId != null && !userId.isBlank() && password != null && !password.isBlank();
    }
  }
}
