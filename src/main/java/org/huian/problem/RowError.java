package org.huian.problem;

/** One refused row of an imported file: its number as a spreadsheet shows it (header = 1), the column and why. */
public record RowError(int row, String field, String message) {}
