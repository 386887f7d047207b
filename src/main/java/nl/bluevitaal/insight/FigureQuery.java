package nl.bluevitaal.insight;

/**
 * Which figure of whom: a unit, optionally one team of it ({@code team} null: the whole unit with a row per team),
 * and a calendar year on the fixed grid of months and quarters (never an arbitrary date range: two ranges that
 * differ by a day would tell that day's case).
 */
public record FigureQuery(String unit, String team, int year) {
}
