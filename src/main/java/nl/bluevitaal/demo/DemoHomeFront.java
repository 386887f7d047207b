package nl.bluevitaal.demo;

import java.util.Set;
import java.util.UUID;
import nl.bluevitaal.identity.Accounts;
import nl.bluevitaal.identity.Groups;
import nl.bluevitaal.privacy.Actor;
import nl.bluevitaal.selfservice.homefront.HomeFront;
import nl.bluevitaal.selfservice.homefront.HomeFrontRelation;
import nl.bluevitaal.selfservice.homefront.NewInvitation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's home front, made through the same use cases as the pages: anna invited her partner Joost Visser, who
 * accepted (login {@code joost}, password {@code demo}) and sees the default choices; bram's invitation of his
 * partner waits to be accepted. Once: a database where joost exists is left alone.
 */
@Component
@Profile("!postgres")
@ConditionalOnProperty(name = "bluevitaal.demo.enabled", havingValue = "true")
class DemoHomeFront {

  static final String NAASTE = "joost";

  private static final Logger log = LoggerFactory.getLogger(DemoHomeFront.class);

  private final HomeFront homeFront;
  private final Accounts accounts;

  DemoHomeFront(HomeFront homeFront, Accounts accounts) {
    this.homeFront = homeFront;
    this.accounts = accounts;
  }

  // After the demo caseload (order 10), which makes anna's and bram's cases.
  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  void load() {
    if (accounts.exists(NAASTE)) {
      return;
    }
    Actor anna = new Actor("anna", Set.of(Groups.EMPLOYEE), false);
    UUID annasCase = homeFront.ownCase(anna);
    NewInvitation joost = homeFront.invite(anna, annasCase, "Joost Visser", HomeFrontRelation.PARTNER,
        "joost@demo.bluevitaal.invalid");
    String token = joost.link().substring(joost.link().lastIndexOf('/') + 1);
    homeFront.accept(token, NAASTE, DemoUsers.PASSWORD);
    Actor bram = new Actor("bram", Set.of(Groups.EMPLOYEE), false);
    homeFront.invite(bram, homeFront.ownCase(bram), "Mirjam Waterlelie", HomeFrontRelation.PARTNER,
        "mirjam@demo.bluevitaal.invalid");
    log.info("Demo home front: anna's partner joost takes part, bram's invitation is pending");
  }
}
