package nl.bluevitaal.selfservice.hometools;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * Domain E: one saved version of the employee's energy balance (the counselling method's draagkracht and draaglast):
 * what gives energy, what costs it, and a reflection. Unscored on purpose: a reflection tool, never a measurement.
 * Versions are numbered 1, 2, 3 per case; a save never overwrites an earlier one.
 */
public record EnergyBalance(UUID caseId, int number, List<Item> gives, List<Item> costs, @Nullable String reflection,
    String createdBy, OffsetDateTime createdAt) {

  /** The longest text of one item. */
  public static final int MAX_ITEM = 200;
  /** The most items on one side: enough to think with, few enough to read on a phone. */
  public static final int MAX_ITEMS = 15;
  /** The longest reflection. */
  public static final int MAX_REFLECTION = 2000;

  public EnergyBalance {
    gives = List.copyOf(gives);
    costs = List.copyOf(costs);
  }

  /** How much an item gives or costs, if the employee wants to say: words, never a number. */
  public enum Amount { LITTLE, SOME, A_LOT }

  /** One thing that gives or costs energy. */
  public record Item(String text, @Nullable Amount amount) {
  }
}
