package io.github.vnetjail.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanTest {
  @Test
  void diffLeavesOutCommonLeadingLinesAndNamesTheFirstChangedLine() {
    Plan.FileChange c =
        new Plan.FileChange("/etc/rc.conf", Optional.of("a=1\nb=2\nc=3\n"), "a=1\nb=5\nc=3\nd=4\n");
    // common leading lines are left out; the rest of each side is shown
    assertThat(c.diff()).isEqualTo("@@ line 2 @@\n-b=2\n-c=3\n+b=5\n+c=3\n+d=4\n");
  }

  @Test
  void aNewFileIsAllAddedLines() {
    Plan.FileChange c = new Plan.FileChange("/x", Optional.empty(), "one\ntwo\n");
    assertThat(c.diff()).isEqualTo("@@ line 1 @@\n+one\n+two\n");
  }

  @Test
  void printsWritesThenCommandsQuotedForSh() {
    Plan p =
        new Plan(
            List.of(Command.of("jail", "-f", "/etc/jail.conf.d/a b.conf", "-c", "a")),
            List.of(new Plan.FileChange("/x", Optional.of("old\n"), "new\n")));
    assertThat(p.isEmpty()).isFalse();
    assertThat(p.toString())
        .isEqualTo(
            "# write /x\n@@ line 1 @@\n-old\n+new\njail -f '/etc/jail.conf.d/a b.conf' -c a\n");
    assertThat(new Plan(List.of(), List.of()).toString()).isEqualTo("# nothing to do\n");
  }
}
