package nl.bluevitaal.notices.internal;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baseUrl}: where people open BlueVitaal, for the link to the case in a notice's e-mail; {@code from}: the
 * sender of those mails.
 */
@ConfigurationProperties("bluevitaal.notices")
record NoticesProperties(@DefaultValue("http://localhost:8080") URI baseUrl,
    @DefaultValue("BlueVitaal <noreply@localhost>") String from) {
}
