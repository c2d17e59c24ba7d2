package org.carerelay.engine.forms;

/**
 * NHS numbers: ten digits, shown 3-3-4, the last a modulus 11 check digit (NHS Data Dictionary):
 * weight digits 1-9 by 10 down to 2, sum, r = sum mod 11, check = 11 - r; 11 becomes 0, and 10
 * means the number is invalid.
 */
public final class NhsNumber {

  private NhsNumber() {}

  /** Whether the value, with or without spaces, is a valid NHS number. */
  public static boolean isValid(String value) {
    if (value == null) {
      return false;
    }
    String digits = value.replace(" ", "");
    if (!digits.matches("\\d{10}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }
}
