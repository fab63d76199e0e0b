package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FindingTest {

  @Test
  void printsLikeACompilerWithTheLineWhenThereIsOne() {
    Finding f =
        new Finding("/etc/rc.conf", 7, Finding.Severity.INFO, "rc-x", "what is wrong", "do this");
    assertThat(f.location()).isEqualTo("/etc/rc.conf:7");
    assertThat(f).hasToString("/etc/rc.conf:7: info: what is wrong [rc-x]; fix: do this");
    Finding whole =
        new Finding("/etc/rc.conf", 0, Finding.Severity.ERROR, "rc-y", "bad file", "rewrite it");
    assertThat(whole.location()).isEqualTo("/etc/rc.conf");
    assertThat(whole).hasToString("/etc/rc.conf: error: bad file [rc-y]; fix: rewrite it");
    Finding first = new Finding("f", 1, Finding.Severity.WARNING, "c", "m", "x");
    assertThat(first).hasToString("f:1: warning: m [c]; fix: x");
  }

  @Test
  void refusesANegativeLineOrAMissingField() {
    assertThatThrownBy(() -> new Finding("f", -1, Finding.Severity.INFO, "c", "m", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line must be 0 or more: -1");
    assertThatThrownBy(() -> new Finding(null, 1, Finding.Severity.INFO, "c", "m", "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("file");
    assertThatThrownBy(() -> new Finding("f", 1, null, "c", "m", "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("severity");
    assertThatThrownBy(() -> new Finding("f", 1, Finding.Severity.INFO, null, "m", "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("code");
    assertThatThrownBy(() -> new Finding("f", 1, Finding.Severity.INFO, "c", null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("message");
    assertThatThrownBy(() -> new Finding("f", 1, Finding.Severity.INFO, "c", "m", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("fix");
  }
}
