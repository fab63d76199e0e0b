package io.github.vnetjail.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test (or more) per bullet of FREEBSD.md "jail.conf grammar": tokens, strings, errors. */
class JailConfParserTest {

  /** The values jail(8) gives {@code x} for {@code j { x = <valueText>; }}. */
  static List<String> values(String valueText) {
    return JailConf.parse("j { x = " + valueText + "; }").effectiveParameters("j").get("x");
  }

  static String value(String valueText) {
    List<String> v = values(valueText);
    assertThat(v).hasSize(1);
    return v.get(0);
  }

  static JailConfParseException parseError(String text) {
    return catchThrowableOfType(JailConfParseException.class, () -> JailConf.parse(text));
  }

  static JailConfParseException parseError(String text, JailConfDialect dialect) {
    return catchThrowableOfType(
        JailConfParseException.class,
        () -> JailConf.parse(text, "/etc/jail.conf", JailConfFileSource.none(), dialect));
  }

  // --- Tokens: whitespace

  @Test
  void acceptsSpaceTabNewlineAndCarriageReturnAsWhitespaceOn14() {
    JailConf conf = JailConf.parse("j\r\n{\tx\r\n=\ta ;\r\n}\r\n");

    assertThat(conf.effectiveParameters("j").get("x")).containsExactly("a");
  }

  @Test
  void rejectsCarriageReturnOn13SoCrlfFilesFail() {
    JailConfParseException e = parseError("j {\r\n  persist;\r\n}\r\n", JailConfDialect.FREEBSD_13);

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf line 1: \r: syntax error");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(4);
  }

  // --- Tokens: comments

  @Test
  void skipsHashSlashSlashAndBlockComments() {
    JailConf conf =
        JailConf.parse("# top\nj { // line\n x = a; /* block\n over lines */ y = b; # end\n}\n");

    assertThat(conf.effectiveParameters("j"))
        .containsEntry("x", List.of("a"))
        .containsEntry("y", List.of("b"));
  }

  @Test
  void recognisesADoubleSlashInsideAnUnquotedWordAsAComment() {
    // "path = /usr//local;" loses "//local;": the block then lacks its ';'.
    JailConfParseException e = parseError("j { path = /usr//local;\n}\n");

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf line 2: }: syntax error");
  }

  @Test
  void recognisesAHashInsideAnUnquotedWordAsAComment() {
    JailConfParseException e = parseError("j {\n a = foo#bar;\n b;\n}");

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf line 3: b: syntax error");
    assertThat(value("foo#bar\n")).isEqualTo("foo");
  }

  @Test
  void keepsCommentMarkersInsideQuotes() {
    assertThat(value("\"a#b//c/*d*/\"")).isEqualTo("a#b//c/*d*/");
    assertThat(value("'#x'")).isEqualTo("#x");
  }

  @Test
  void doesNotNestBlockComments() {
    // The comment ends at the first */: "c */" is then the parameter c with the value "*/",
    // and the block name j comes where its ';' should be.
    JailConfParseException e = parseError("/* a /* b */ c */ j { }");

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf line 1: j: syntax error");
  }

  @Test
  void reportsAnUnterminatedCommentAtTheLineWhereTheFileEnds() {
    JailConfParseException e = parseError("j { }\n/* open\nstill\n");

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf line 4: unterminated comment");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(1);
  }

  @Test
  void reportsAnUnterminatedCommentAtItsFirstLineOn13() {
    JailConfParseException e = parseError("j { }\n/* open\nstill\n", JailConfDialect.FREEBSD_13);

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf line 2: unterminated comment");
  }

  // --- Tokens: reserved

  @Test
  void recognisesReservedTokensEvenInsideAWord() {
    JailConf conf = JailConf.parse("j{x=a,b;y+=c;z=d;z+=e;}");

    assertThat(conf.effectiveParameters("j"))
        .containsEntry("x", List.of("a", "b"))
        .containsEntry("y", List.of("c"))
        .containsEntry("z", List.of("d", "e"));
  }

  @Test
  void endsAWordAtABrace() {
    JailConfParseException e = parseError("j { x = a{b; }");

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf line 1: {: syntax error");
  }

  // --- Tokens: word characters and one-character tokens

  @Test
  void takesEveryWordCharacterUnquoted() {
    String word = "AZaz09_!%&()-.:<>?@[]^`|~";

    assertThat(value(word)).isEqualTo(word);
  }

  @Test
  void joinsDollarStarPlusSlashAndBackslashTokensIntoTheValue() {
    assertThat(value("a*b+c/d$")).isEqualTo("a*b+c/d$");
    assertThat(value("/usr/local")).isEqualTo("/usr/local");
    assertThat(value("a\\ b")).isEqualTo("a b");
  }

  @Test
  void rejectsAnyOtherByteUnquoted() {
    assertThat(parseError("j { x = caf\u00e9; }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: \u00e9: syntax error");
    assertThat(parseError("j { x = a\u0001; }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: \u0001: syntax error");
  }

  @Test
  void acceptsAnythingInsideQuotes() {
    assertThat(value("\"caf\u00e9 \u0001 ; { } = , + # \u65e5\u672c\""))
        .isEqualTo("caf\u00e9 \u0001 ; { } = , + # \u65e5\u672c");
    assertThat(value("'{;}'")).isEqualTo("{;}");
  }

  // --- Tokens: pieces join

  @Test
  void joinsPiecesWithNoWhitespaceBetween() {
    JailConf conf = JailConf.parse("j { $n = N; x = foo\"bar\"'baz'$n; }");

    assertThat(conf.effectiveParameters("j").get("x")).containsExactly("foobarbazN");
  }

  @Test
  void rejectsPiecesSeparatedByWhitespace() {
    JailConfParseException e = parseError("j {\n  x = foo \"bar\";\n}");

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf line 2: \"bar\": syntax error");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(11);
  }

  @Test
  void rejectsPiecesSeparatedByAComment() {
    assertThat(parseError("j { x = a/**/b; }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: b: syntax error");
  }

  // --- Names are one piece

  @Test
  void acceptsQuotedJailNamesAndALoneStar() {
    JailConf conf =
        JailConf.parse("* { a; }\n\"outer.*\" { b; }\n\"my jail\" { c; }\n\"outer.x\" { }");

    assertThat(conf.jailNames()).containsExactly("my jail", "outer.x");
    assertThat(conf.effectiveParameters("outer.x")).containsKeys("a", "b");
  }

  @Test
  void rejectsAJailNameInTwoPieces() {
    assertThat(parseError("outer.* { }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: *: syntax error");
    assertThat(parseError("\"a\"b { }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: b: syntax error");
  }

  @Test
  void rejectsADollarInsideADoubleQuotedJailName() {
    assertThat(parseError("\"my$x\" { }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: $x: syntax error");
    assertThat(JailConf.parse("\"my\\$x\" { }").jailNames()).containsExactly("my$x");
  }

  @Test
  void rejectsAVariableAsAJailName() {
    assertThat(parseError("$x { }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: {: syntax error");
  }

  @Test
  void takesQuotedParameterNames() {
    JailConf conf = JailConf.parse("j { \"my param\" = 1; 'x$y'; }");

    assertThat(conf.effectiveParameters("j")).containsKeys("my param", "x$y");
  }

  // --- Strings and escapes

  @Test
  void keepsRawNewlinesInBothQuoteKinds() {
    assertThat(value("\"a\nb\"")).isEqualTo("a\nb");
    assertThat(value("'a\nb'")).isEqualTo("a\nb");
  }

  @Test
  void decodesTheSameEscapesInDoubleQuotesSingleQuotesAndUnquotedText() {
    String escapes = "\\a\\b\\f\\n\\r\\t\\v";
    String decoded = "\u0007\b\f\n\r\t\u000b";

    assertThat(value("\"" + escapes + "\"")).isEqualTo(decoded);
    assertThat(value("'" + escapes + "'")).isEqualTo(decoded);
    assertThat(value(escapes)).isEqualTo(decoded);
  }

  @Test
  void decodesOctalAndHexEscapes() {
    assertThat(value("\"\\101\\60\\7x\"")).isEqualTo("A0\u0007x");
    assertThat(value("\"\\1012\"")).isEqualTo("A2");
    assertThat(value("\"\\x41\\x4a\\x7Z\"")).isEqualTo("AJ\u0007Z");
    assertThat(value("\\x41\\101")).isEqualTo("AA");
    assertThat(value("'\\x414'")).isEqualTo("A4");
  }

  @Test
  void removesBackslashNewline() {
    assertThat(value("\"ab\\\ncd\"")).isEqualTo("abcd");
    assertThat(value("ab\\\ncd")).isEqualTo("abcd");
  }

  @Test
  void takesAnyOtherEscapedCharacterAsItself() {
    assertThat(value("\"\\\"\\'\\\\\\$\\q\"")).isEqualTo("\"'\\$q");
    assertThat(value("'\\'\\\"'")).isEqualTo("'\"");
  }

  @Test
  void cutsTheValueShortAtAnEscapedNul() {
    assertThat(value("\"ab\\0cd\"")).isEqualTo("ab");
    assertThat(value("\"ab\\x0cd\"")).isEqualTo("ab\fd");
    assertThat(value("\"ab\\x00cd\"")).isEqualTo("ab");
    // Each joined piece is cut on its own, as strlen() does in jailparse.y.
    assertThat(value("\"ab\\0cd\"ef")).isEqualTo("abef");
  }

  @Test
  void distinguishesAnEmptyValueFromNoValue() {
    JailConf conf = JailConf.parse("j { a = \"\"; b = ''; c; }");

    assertThat(conf.effectiveParameters("j"))
        .containsEntry("a", List.of(""))
        .containsEntry("b", List.of(""))
        .containsEntry("c", List.of());
  }

  @Test
  void reportsAnUnterminatedString() {
    JailConfParseException e = parseError("j {\n  x = \"abc;\n}\n");

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf line 2: unterminated string");
    assertThat(e.column()).isEqualTo(7);
    assertThat(parseError("j { x = 'abc; }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated string");
  }

  @Test
  void reportsAnUnterminatedVariable() {
    assertThat(parseError("j {\n x = ${abc;\n}").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 2: unterminated variable");
    assertThat(parseError("j { x = \"a${b\"; }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated variable");
    assertThat(parseError("j { x = ${a{b}}; }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: unterminated variable");
  }

  @Test
  void takesTheLongestMatchSoABackslashBeforeTheClosingBraceCanRunOn() {
    // "${v\\}": the backslash-as-character path escapes the brace and the partial rule runs to
    // the end of the line, longer than the full variable: flex reports an unterminated variable.
    assertThat(parseError("j {\n ${v\\\\} = V;\n}").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 2: unterminated variable");
    assertThat(JailConf.parse("j { ${v\\134} = V; x = \"${v\\134}\"; }").effectiveParameters("j"))
        .containsEntry("x", List.of("V"));
  }

  // --- Parameters: forms and errors

  @Test
  void acceptsTheFourParameterForms() {
    JailConf conf = JailConf.parse("j { a; b = x, y; c += x, y; d x, y; }");

    assertThat(conf.effectiveParameters("j"))
        .containsEntry("a", List.of())
        .containsEntry("b", List.of("x", "y"))
        .containsEntry("c", List.of("x", "y"))
        .containsEntry("d", List.of("x", "y"));
  }

  @Test
  void rejectsAnEmptyAssignmentAndAnEmptyListItem() {
    assertThat(parseError("j { a = ; }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: ;: syntax error");
    assertThat(parseError("j { a = x,,y; }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: ,: syntax error");
    assertThat(parseError("j { a = x, ; }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: ;: syntax error");
  }

  @Test
  void rejectsAStatementWithoutSemicolon() {
    assertThat(parseError("j {\n  a = x\n  b = y;\n}").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 3: b: syntax error");
  }

  @Test
  void reportsUnexpectedEofForAnUnclosedBlock() {
    JailConfParseException e = parseError("j {\n  a;\n");

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf: unexpected EOF");
    assertThatThrownBy(() -> JailConf.parse("a = b"))
        .hasMessageStartingWith("jail: /etc/jail.conf: unexpected EOF");
  }

  @Test
  void rejectsAStrayClosingBrace() {
    assertThat(parseError("j { }\n}").jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 2: }: syntax error");
  }

  @Test
  void acceptsEmptyStatements() {
    JailConf conf = JailConf.parse(";;j { ;; a; ; };");

    assertThat(conf.effectiveParameters("j")).containsKeys("name", "a");
  }

  @Test
  void usesTheFileNameInMessages() {
    JailConfParseException e =
        catchThrowableOfType(
            JailConfParseException.class,
            () -> JailConf.parse("j {", "/etc/jail.conf.d/j.conf", JailConfFileSource.none()));

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf.d/j.conf: unexpected EOF");
    assertThat(e.fileName()).isEqualTo("/etc/jail.conf.d/j.conf");
    assertThat(e.getMessage()).contains("/etc/jail.conf.d/j.conf:1:4");
  }

  @Test
  void reportsTheLineWhereAMultiLineTokenEnds() {
    JailConfParseException e = parseError("j {\n x = a \"b\nc\";\n}");

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf line 3: \"b\nc\": syntax error");
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void treatsAnUnquotedNulByteAsTheEndOfTheFile() {
    JailConf conf = JailConf.parse("j { a; }\0 this is never read {");

    assertThat(conf.jailNames()).containsExactly("j");
    assertThat(parseError("j { a\0; }").jailMessage())
        .isEqualTo("jail: /etc/jail.conf: unexpected EOF");
  }

  @Test
  void acceptsAVariableAsTheFirstValueOfTheImplicitForm() {
    JailConf conf = JailConf.parse("$v = V; j { a $v, x; b ${v}y; }");

    assertThat(conf.effectiveParameters("j"))
        .containsEntry("a", List.of("V", "x"))
        .containsEntry("b", List.of("Vy"));
    assertThat(((JailConfJail) conf.statements().get(1)).body().get(0))
        .isEqualTo(
            JailConfParameter.of(
                "a",
                false,
                JailConfParameter.Operator.IMPLICIT,
                List.of(
                    JailConfValue.builder().variable("v").build(), JailConfValue.literal("x"))));
  }

  @Test
  void namesStandardInputStdinInMessages() {
    // config.c: the file "-" is stdin, and its messages say STDIN.
    JailConfParseException e =
        catchThrowableOfType(
            JailConfParseException.class,
            () -> JailConf.parse("j {\n  x = ;", "-", JailConfFileSource.none()));

    assertThat(e.jailMessage()).isEqualTo("jail: STDIN line 2: ;: syntax error");
    assertThat(e.fileName()).isEqualTo("STDIN");
    assertThat(e.getMessage()).isEqualTo("jail: STDIN line 2: ;: syntax error (at STDIN:2:7)");
  }

  @Test
  void reportsUnexpectedEofWhereTheInputEnds() {
    JailConfParseException e = parseError("j {\n  a = b;\n  c");

    assertThat(e.jailMessage()).isEqualTo("jail: /etc/jail.conf: unexpected EOF");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(4);
  }

  // --- .include paths (config.c include_config)

  static JailConf parseWithFiles(String text, String fileName, Map<String, String> files) {
    return JailConf.parse(text, fileName, JailConfFileSource.of(files));
  }

  @Test
  void resolvesARelativeIncludeFromAFileInTheRootDirectory() {
    JailConf conf =
        parseWithFiles(".include \"a.conf\";", "/jail.conf", Map.of("/a.conf", "a { }"));

    assertThat(conf.jailNames()).containsExactly("a");
  }

  @Test
  void takesARelativeIncludeAsGivenWhenTheFileHasNoDirectoryOrIsStdin() {
    Map<String, String> files = Map.of("a.conf", "a { }", "/etc/a.conf", "wrong { }");

    assertThat(parseWithFiles(".include \"a.conf\";", "jail.conf", files).jailNames())
        .containsExactly("a");
    assertThat(parseWithFiles(".include \"a.conf\";", "-", files).jailNames()).containsExactly("a");
  }

  @Test
  void includesOnlyTheFilesAGlobMatchesNotDirectories() {
    Map<String, String> files =
        Map.of(
            "/etc/d/x.conf", "x { }",
            "/etc/d/sub.conf/y.conf", "y { }",
            "/etc/e/jail.conf", "e { }",
            "/etc/f/other", "f { }");

    assertThat(parseWithFiles(".include \"d/*.conf\";", "/etc/jail.conf", files).jailNames())
        .containsExactly("x");
    assertThat(parseWithFiles(".include \"*/jail.conf\";", "/etc/jail.conf", files).jailNames())
        .containsExactly("e");
  }

  // --- AST

  @Test
  void buildsTheAstWithOperatorsVariablesAndComments() {
    JailConf conf = JailConf.parse("# head\n$v = \"x${w}y\";\nj { a += b; # tail\n  c d; }\n");

    assertThat(conf.statements())
        .containsExactly(
            JailConfComment.of("# head", false),
            JailConfParameter.variable(
                "v", JailConfValue.builder().text("x").variable("w").text("y").build()),
            JailConfJail.of(
                "j",
                List.of(
                    JailConfParameter.append("a", "b"),
                    JailConfComment.of("# tail", true),
                    JailConfParameter.of(
                        "c",
                        false,
                        JailConfParameter.Operator.IMPLICIT,
                        List.of(JailConfValue.literal("d"))))));
    assertThat(((JailConfJail) conf.statements().get(2)).line()).hasValue(3);
  }

  @Test
  void parsesNestedBlocksOn14AndRejectsThemOn13() {
    JailConf conf = JailConf.parse("outer { a = 1; inner { b = 2; } c = 3; }");

    assertThat(conf.jailNames()).containsExactly("outer", "outer.inner");
    assertThat(parseError("outer { inner { } }", JailConfDialect.FREEBSD_13).jailMessage())
        .isEqualTo("jail: /etc/jail.conf line 1: {: syntax error");
  }
}
