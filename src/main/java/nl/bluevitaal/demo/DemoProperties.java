package nl.bluevitaal.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data switches: on in the embedded default, off in the postgres profile. {@code caseCount}: the cases of
 * today; {@code historyCount}: the cases of the last two years that have ended.
 */
@ConfigurationProperties("bluevitaal.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("130") int caseCount,
    @DefaultValue("60") int historyCount, @DefaultValue("20261123") long seed) {
}
