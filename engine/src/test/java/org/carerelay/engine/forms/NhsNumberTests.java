package org.carerelay.engine.forms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NhsNumberTests {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "943 476 5919, true",
      "9434765919,   true",
      "943 476 5918, false",
      "943 476 591,  false",
      "94347659190,  false",
      "abc 476 5919, false",
      "0000000000,   true",
      "1234567890,   false"})
  void checksTheModulus11CheckDigit(String number, boolean valid) {
    assertThat(NhsNumber.isValid(number)).isEqualTo(valid);
  }
}
